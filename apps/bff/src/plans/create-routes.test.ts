// Creating a plan with what it owns through the BFF, against the real embedded API server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  HookModel,
  NetworkMapModel,
  PlanModel,
  StorageMapModel,
  type CreatePlanRequest,
  type K8sModel,
  type Plan,
} from '@forklift-console/api';
import { createLogger } from '../logging.ts';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import { bearer, writeTokens } from '@forklift-console/embedded-cluster/test-support/rbac';
import { planCreateRoutes } from './create-routes.ts';

const NAMESPACE = 'plan-create-test';
const PASSPHRASE = 'correct-horse-battery-staple';

const providers = {
  source: { name: 'vcenter', namespace: NAMESPACE },
  destination: { name: 'host', namespace: NAMESPACE },
};

const networkEntries = [
  { source: { id: 'network-7', name: 'VM Network' }, destination: { type: 'pod' as const } },
];
const storageEntries = [
  { source: { id: 'datastore-1', name: 'LocalDS_0' }, destination: { storageClass: 'standard' } },
];

const request = (name: string, extra: Partial<CreatePlanRequest> = {}): CreatePlanRequest => ({
  plan: {
    metadata: { name },
    spec: {
      provider: providers,
      targetNamespace: 'vms',
      description: 'web tier',
      vms: [
        { id: 'vm-1', name: 'web-1' },
        { id: 'vm-2', name: 'web-2', targetName: 'web-two' },
      ],
    } as Plan['spec'] & object,
  },
  networkMap: { map: networkEntries },
  storageMap: { map: storageEntries },
  ...extra,
});

describe('create-plan route on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let custom: CustomObjectsApi;
  let core: CoreV1Api;
  const logLines: string[] = [];

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/namespaces/${NAMESPACE}/plans`,
      payload: body as object,
      headers,
    });

  const list = async (model: K8sModel) =>
    (
      (await custom.listNamespacedCustomObject({
        group: model.group,
        version: model.version,
        plural: model.plural,
        namespace: NAMESPACE,
      })) as { items: { metadata: { name: string; ownerReferences?: { uid: string }[] } }[] }
    ).items;

  const names = async (model: K8sModel) => (await list(model)).map((item) => item.metadata.name);

  const secretNames = async () =>
    (await core.listNamespacedSecret({ namespace: NAMESPACE })).items.map(
      (secret) => secret.metadata?.name ?? '',
    );

  const createMap = (model: K8sModel, name: string, spec: object, metadata: object = {}) =>
    custom.createNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace: NAMESPACE,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: model.kind,
        metadata: { name, ...metadata },
        spec,
      },
    });

  before(async () => {
    const logger = createLogger('info', {
      write: (line: string) => {
        logLines.push(line);
      },
    });
    routeTest = await startRouteTest('plan-create-', planCreateRoutes, {
      namespace: NAMESPACE,
      logger,
    });
    ({ app, custom, core } = routeTest);
    await writeTokens(routeTest.api.dataDir, [{ token: 'nobody-token', user: 'nobody' }]);
  });

  after(() => routeTest?.close());

  test('a plan with new maps, hooks and passphrases owns them all', async () => {
    const response = await post(
      request('web', {
        hooks: {
          pre: {
            image: 'quay.io/konveyor/hook-runner',
            playbook: Buffer.from('- hosts: all').toString('base64'),
          },
          post: { image: 'quay.io/konveyor/hook-runner', serviceAccount: 'hooks' },
        },
        diskDecryption: { passphrases: [PASSPHRASE, 'second-secret'] },
      }),
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.doesNotMatch(response.body, new RegExp(PASSPHRASE));
    const plan = response.json() as Plan;
    const uid = plan.metadata?.uid;
    assert.ok(uid);

    const networkMapName = plan.spec?.map.network.name ?? '';
    const storageMapName = plan.spec?.map.storage.name ?? '';
    assert.match(networkMapName, /^web-/);
    const ownedBy = async (model: K8sModel, name: string) =>
      (await list(model)).find((item) => item.metadata.name === name)?.metadata.ownerReferences;
    assert.equal((await ownedBy(NetworkMapModel, networkMapName))?.[0]?.uid, uid);
    assert.equal((await ownedBy(StorageMapModel, storageMapName))?.[0]?.uid, uid);

    const vm = plan.spec?.vms[1];
    assert.equal(vm?.targetName, 'web-two');
    assert.deepEqual(
      vm?.hooks?.map((hook) => hook.step),
      ['PreHook', 'PostHook'],
    );
    for (const hook of vm?.hooks ?? []) {
      assert.equal((await ownedBy(HookModel, hook.hook.name ?? ''))?.[0]?.uid, uid);
    }
    const luks = await core.readNamespacedSecret({
      namespace: NAMESPACE,
      name: vm?.luks?.name ?? '',
    });
    assert.equal(luks.metadata?.ownerReferences?.[0]?.uid, uid);
    assert.deepEqual(
      Object.values(luks.data ?? {}).map((value) => Buffer.from(value, 'base64').toString()),
      [PASSPHRASE, 'second-secret'],
    );
    assert.ok(!logLines.some((line) => line.includes(PASSPHRASE)));
  });

  test('a chosen map is copied into a plan-owned map; the original stays unowned', async () => {
    await createMap(NetworkMapModel, 'shared-networks', {
      provider: providers,
      map: networkEntries,
    });
    await createMap(StorageMapModel, 'shared-storage', {
      provider: providers,
      map: storageEntries,
    });
    const response = await post(
      request('copies', {
        networkMap: { name: 'shared-networks' },
        storageMap: { name: 'shared-storage' },
      }),
    );
    assert.equal(response.statusCode, 201, response.body);
    const plan = response.json() as Plan;
    assert.notEqual(plan.spec?.map.network.name, 'shared-networks');
    const maps = await list(NetworkMapModel);
    const copy = maps.find((item) => item.metadata.name === plan.spec?.map.network.name);
    assert.equal(copy?.metadata.ownerReferences?.[0]?.uid, plan.metadata?.uid);
    const original = maps.find((item) => item.metadata.name === 'shared-networks');
    assert.equal(original?.metadata.ownerReferences, undefined);
  });

  test('a map owned by another plan, or of other providers, cannot be chosen', async () => {
    await createMap(
      NetworkMapModel,
      'owned-elsewhere',
      { provider: providers, map: networkEntries },
      {
        ownerReferences: [
          { apiVersion: FORKLIFT_API_VERSION, kind: 'Plan', name: 'x', uid: 'u-1' },
        ],
      },
    );
    const owned = await post(request('owned', { networkMap: { name: 'owned-elsewhere' } }));
    assert.equal(owned.statusCode, 400);
    assert.match(owned.json().message, /networkMap\.name: owned-elsewhere is owned/);

    await createMap(StorageMapModel, 'other-pair', {
      provider: { ...providers, source: { name: 'ovirt', namespace: NAMESPACE } },
      map: storageEntries,
    });
    const other = await post(request('other', { storageMap: { name: 'other-pair' } }));
    assert.equal(other.statusCode, 400);
    assert.match(other.json().message, /storageMap\.name: other-pair maps between other providers/);

    const missing = await post(request('missing', { storageMap: { name: 'nowhere' } }));
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().message, /storageMap\.name: StorageMap nowhere not found/);
  });

  test('a plan name that is taken fails after the owned objects were made, and leaves none', async () => {
    const before = {
      networkMaps: await names(NetworkMapModel),
      storageMaps: await names(StorageMapModel),
      hooks: await names(HookModel),
      secrets: await secretNames(),
    };
    const first = await post(request('taken'));
    assert.equal(first.statusCode, 201, first.body);
    const afterFirst = {
      networkMaps: await names(NetworkMapModel),
      storageMaps: await names(StorageMapModel),
    };

    const second = await post(
      request('taken', {
        hooks: { pre: { image: 'quay.io/konveyor/hook-runner' } },
        diskDecryption: { passphrases: [PASSPHRASE] },
      }),
    );
    assert.equal(second.statusCode, 409, second.body);
    assert.match(second.json().message, /Plan taken/);
    assert.match(second.json().message, /already exists/);
    assert.doesNotMatch(second.body, new RegExp(PASSPHRASE));
    assert.deepEqual(await names(NetworkMapModel), afterFirst.networkMaps);
    assert.deepEqual(await names(StorageMapModel), afterFirst.storageMaps);
    assert.deepEqual(await names(HookModel), before.hooks);
    assert.deepEqual(await secretNames(), before.secrets);
  });

  test("a map name taken behind the wizard's back fails the whole plan, leaving nothing", async () => {
    await createMap(NetworkMapModel, 'collides', { provider: providers, map: networkEntries });
    const storageBefore = await names(StorageMapModel);
    const response = await post(
      request('collision', {
        networkMap: { map: networkEntries, name: 'collides' },
        hooks: { post: { image: 'quay.io/konveyor/hook-runner' } },
      }),
    );
    assert.equal(response.statusCode, 409, response.body);
    assert.match(response.json().message, /NetworkMap collides/);
    assert.deepEqual(await names(StorageMapModel), storageBefore);
    assert.ok(!(await names(PlanModel)).includes('collision'));
    assert.ok(!(await names(HookModel)).some((name) => name.startsWith('collision-')));
  });

  test('a Plan the CRD refuses (422) takes its maps with it', async () => {
    const mapsBefore = await names(NetworkMapModel);
    const body = request('bad-type');
    (body.plan.spec as { type?: string }).type = 'teleport';
    const response = await post(body);
    assert.equal(response.statusCode, 422, response.body);
    assert.match(response.json().message, /Plan bad-type/);
    assert.deepEqual(await names(NetworkMapModel), mapsBefore);
  });

  test('bad requests are refused with 400 naming the field', async () => {
    const noVms = request('no-vms');
    noVms.plan.spec!.vms = [];
    const empty = await post(noVms);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().message, /plan\/spec\/vms/);

    const noChoice = await post({ ...request('no-map'), networkMap: {} });
    assert.equal(noChoice.statusCode, 400);
    assert.match(noChoice.json().message, /networkMap/);

    const withMap = request('with-map');
    withMap.plan.spec!.map = { network: { name: 'a' }, storage: { name: 'b' } };
    const mapSet = await post(withMap);
    assert.equal(mapSet.statusCode, 400);
    assert.match(mapSet.json().message, /plan\.spec\.map/);

    const both = await post(
      request('both', {
        diskDecryption: { passphrases: [PASSPHRASE], secretName: 'luks' } as never,
      }),
    );
    assert.equal(both.statusCode, 400);
    assert.doesNotMatch(both.body, new RegExp(PASSPHRASE));

    const tooMany = await post(
      request('many', { diskDecryption: { passphrases: Array.from({ length: 21 }, () => 'p') } }),
    );
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.json().message, /diskDecryption\/passphrases/);

    const noImage = await post(request('no-image', { hooks: { pre: {} as never } }));
    assert.equal(noImage.statusCode, 400);
    assert.match(noImage.json().message, /hooks\/pre/);

    const unknownSecret = await post(request('secret', { diskDecryption: { secretName: 'gone' } }));
    assert.equal(unknownSecret.statusCode, 400);
    assert.match(unknownSecret.json().message, /diskDecryption\.secretName/);
  });

  test('an existing Secret is referenced, not owned', async () => {
    await core.createNamespacedSecret({
      namespace: NAMESPACE,
      body: { metadata: { name: 'shared-luks' }, stringData: { key: PASSPHRASE } },
    });
    const response = await post(
      request('existing-luks', { diskDecryption: { secretName: 'shared-luks' } }),
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.equal((response.json() as Plan).spec?.vms[0]?.luks?.name, 'shared-luks');
    const secret = await core.readNamespacedSecret({ namespace: NAMESPACE, name: 'shared-luks' });
    assert.equal(secret.metadata?.ownerReferences, undefined);
  });

  test('a caller without rights is refused by RBAC and nothing is made', async () => {
    const mapsBefore = await names(NetworkMapModel);
    const response = await post(request('forbidden'), bearer('nobody-token'));
    assert.equal(response.statusCode, 403);
    assert.deepEqual(await names(NetworkMapModel), mapsBefore);
  });
});
