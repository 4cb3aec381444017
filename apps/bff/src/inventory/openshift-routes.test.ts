// The OpenShift inventory routes over both kinds of openshift provider: the host cluster (the
// embedded API the BFF talks to), where each caller sees only what its own rights allow, and a
// remote cluster (a second embedded API server), read with the provider's token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  NetworkAttachmentDefinitionModel,
  ProviderModel,
  VirtualMachineModel,
  apiVersionOf,
  type OpenshiftResource,
  type OpenshiftVm,
} from '@forklift-console/api';
import { bffValidationOptions } from '../http/validation.ts';
import { createLogger } from '../logging.ts';
import { kubeConfigForRemoteCluster } from '../kube/remote-cluster.ts';
import { actAsBearerOrAdministrator } from '../test-support/caller.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import {
  bearer,
  grantRole,
  PROVIDER_READER,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import {
  createRemoteProvider,
  startRemoteCluster,
  type RemoteTestCluster,
} from '../test-support/remote-cluster.ts';
import { createOpenshiftInventory } from './openshift/openshift-inventory.ts';
import { createInventoryRegistry, type InventoryRegistry } from './registry.ts';
import { inventoryRoutes } from './routes.ts';

const TEAM_A = 'team-a-token';
const NOBODY = 'nobody-token';

const names = (items: { namespace: string; name: string }[]) =>
  items.map(({ namespace, name }) => `${namespace}/${name}`);

describe('OpenShift inventory routes', { timeout: 120_000 }, () => {
  let api: TestApi;
  let remote: RemoteTestCluster;
  let inventories: InventoryRegistry;
  let app: FastifyInstance;
  const uids: Record<string, string> = {};

  const get = (url: string, token?: string) =>
    app.inject({ url: `/api/v1/inventory${url}`, headers: bearer(token) });
  const host = (rest: string, token?: string) =>
    get(`/providers/openshift/${uids.host}${rest}`, token);
  const remoteGet = (rest: string, token?: string) =>
    get(`/providers/openshift/${uids.remote}${rest}`, token);

  before(async () => {
    api = await startTestApi('bff-ocp-routes-', {
      tokens: [
        { token: TEAM_A, user: 'team-a-user' },
        { token: NOBODY, user: 'nobody' },
      ],
    });
    remote = await startRemoteCluster('bff-ocp-routes-remote-');
    const { kubeConfig } = api.connection;
    const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    const create = (object: KubernetesObject & Record<string, unknown>) => objects.create(object);
    for (const name of ['mtv', 'team-a', 'team-b', 'other']) {
      await create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    for (const namespace of ['team-a', 'team-b']) {
      await create({
        apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
        kind: NetworkAttachmentDefinitionModel.kind,
        metadata: { name: `${namespace}-net`, namespace },
        spec: { config: JSON.stringify({ cniVersion: '0.3.1', type: 'bridge' }) },
      });
      await create({
        apiVersion: apiVersionOf(VirtualMachineModel),
        kind: VirtualMachineModel.kind,
        metadata: { name: `${namespace}-vm`, namespace },
        spec: { runStrategy: 'Halted', template: { spec: {} } },
      });
    }
    await create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local' },
      provisioner: 'kubernetes.io/no-provisioner',
    });
    const hostProvider = (await create({
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name: 'host', namespace: 'mtv' },
      spec: { type: 'openshift', url: '', secret: {} },
    })) as KubernetesObject;
    uids.host = hostProvider.metadata!.uid!;
    // team-a may get providers in mtv only, so not the remote one in `other`.
    const remoteProvider = await createRemoteProvider(api.connection, 'other', 'remote', remote, {
      token: remote.token,
    });
    uids.remote = remoteProvider.metadata!.uid!;

    await grantRole(kubeConfig, { ...PROVIDER_READER, user: 'team-a-user', namespace: 'mtv' });
    await grantRole(kubeConfig, {
      role: 'team-reader',
      rules: [
        {
          apiGroups: ['k8s.cni.cncf.io'],
          resources: ['network-attachment-definitions'],
          verbs: ['get', 'list'],
        },
        { apiGroups: ['kubevirt.io'], resources: ['virtualmachines'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['namespaces'], verbs: ['get'] },
      ],
      user: 'team-a-user',
      namespace: 'team-a',
    });

    inventories = createInventoryRegistry();
    const logger = createLogger('silent');
    const hostInventory = await inventories.ensure(uids.host, 'host', () =>
      createOpenshiftInventory({
        providerUid: uids.host!,
        kubeConfig,
        callerScoped: true,
        logger,
      }),
    );
    const remoteInventory = await inventories.ensure(uids.remote, 'remote', () =>
      createOpenshiftInventory({
        providerUid: uids.remote!,
        kubeConfig: kubeConfigForRemoteCluster(remote),
        callerScoped: false,
        logger,
      }),
    );
    assert.equal(await hostInventory.waitForParity(20_000), true);
    assert.equal(await remoteInventory.waitForParity(20_000), true);

    app = Fastify(bffValidationOptions);
    actAsBearerOrAdministrator(app);
    await app.register(inventoryRoutes, {
      connection: api.connection,
      inventories,
      parityTimeoutMs: 300,
    });
  });

  after(async () => {
    await app?.close();
    await inventories?.stopAll();
    await remote?.close();
    await api?.close();
  });

  describe('the host cluster', () => {
    test('the administrator sees every NAD, as Resources at detail 0', async () => {
      const response = await host('/networkattachmentdefinitions');
      assert.equal(response.statusCode, 200);
      const nads = response.json() as OpenshiftResource[];
      assert.deepEqual(names(nads), ['team-a/team-a-net', 'team-b/team-b-net']);
      assert.equal(nads[0]!.object, undefined);
      const detailed = (await host('/networkattachmentdefinitions?detail=1')).json();
      assert.equal(detailed[0].object.kind, 'NetworkAttachmentDefinition');
    });

    test('GET /providers/openshift/<uid> gives the counts', async () => {
      const body = (await get(`/providers/openshift/${uids.host}`)).json();
      assert.equal(body.name, 'host');
      assert.equal(body.type, 'openshift');
      assert.equal(body.vmCount, 2);
      assert.equal(body.networkCount, 3, 'two NADs and the pod network');
      assert.equal(body.storageClassCount, 1);
    });

    test('a user with rights in one namespace sees only that namespace', async () => {
      const nads = await host('/networkattachmentdefinitions', TEAM_A);
      assert.equal(nads.statusCode, 200);
      assert.deepEqual(names(nads.json()), ['team-a/team-a-net']);
      assert.deepEqual(names((await host('/vms', TEAM_A)).json()), ['team-a/team-a-vm']);
      assert.deepEqual(
        (await host('/namespaces', TEAM_A)).json().map(({ name }: OpenshiftResource) => name),
        ['team-a'],
      );
      // Anyone who may read the provider may pick a storage class, as in Forklift.
      assert.deepEqual(
        (await host('/storageclasses', TEAM_A)).json().map(({ name }: OpenshiftResource) => name),
        ['local'],
      );
      const counts = (await get(`/providers/openshift/${uids.host}`, TEAM_A)).json();
      assert.deepEqual(
        [counts.vmCount, counts.networkCount, counts.storageClassCount],
        [1, 2, 1],
        'counts of what the user may see',
      );
      const tree = (await host('/tree/namespace', TEAM_A)).json();
      assert.deepEqual(
        tree.children.map((node: { object: OpenshiftResource; children: unknown[] }) => [
          node.object.name,
          node.children.length,
        ]),
        [['team-a', 1]],
      );
    });

    test('one object by name or uid, not when it is in a namespace the user may not read', async () => {
      const all = (await host('/vms')).json() as OpenshiftVm[];
      const theirs = all.find((vm) => vm.namespace === 'team-b')!;
      const byUid = await host(`/vms/${theirs.uid}`);
      assert.equal(byUid.statusCode, 200);
      assert.equal(byUid.json().object.metadata.name, 'team-b-vm');
      assert.equal((await host('/vms/team-b-vm')).json().uid, theirs.uid);
      assert.equal((await host(`/vms/${theirs.uid}`, TEAM_A)).statusCode, 404);
      assert.equal((await host('/vms/team-a-vm', TEAM_A)).statusCode, 200);
      assert.equal((await host('/namespaces/team-b', TEAM_A)).statusCode, 404);
    });

    test('every collection answers, trailing slash or not', async () => {
      for (const collection of [
        'namespaces',
        'storageclasses',
        'networkattachmentdefinitions',
        'vms',
        'datavolumes',
        'persistentvolumeclaims',
        'instancetypes',
        'clusterinstancetypes',
      ]) {
        for (const suffix of ['', '/']) {
          const response = await host(`/${collection}${suffix}?detail=all`);
          assert.equal(response.statusCode, 200, collection);
          assert.ok(Array.isArray(response.json()), collection);
        }
      }
      assert.equal((await host('/vms?namespace=team-b')).json().length, 1);
    });

    test("a NAD created in the user's namespace shows in its list; deleted, it is gone", async () => {
      const objects = KubernetesObjectApi.makeApiClient(api.connection.kubeConfig);
      const nad = {
        apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
        kind: NetworkAttachmentDefinitionModel.kind,
        metadata: { name: 'team-a-storage', namespace: 'team-a' },
        spec: { config: JSON.stringify({ cniVersion: '0.3.1', type: 'macvlan' }) },
      };
      const heard = new Promise<string[]>((resolve) => {
        const unsubscribe = inventories.get(uids.host!)!.subscribe((collections) => {
          unsubscribe();
          resolve(collections);
        });
      });
      await objects.create(nad);
      assert.ok((await heard).includes('networkattachmentdefinitions'));
      assert.deepEqual(names((await host('/networkattachmentdefinitions', TEAM_A)).json()), [
        'team-a/team-a-net',
        'team-a/team-a-storage',
      ]);
      const gone = new Promise<string[]>((resolve) => {
        const unsubscribe = inventories.get(uids.host!)!.subscribe((collections) => {
          unsubscribe();
          resolve(collections);
        });
      });
      await objects.delete(nad);
      assert.ok((await gone).includes('networkattachmentdefinitions'));
      assert.deepEqual(names((await host('/networkattachmentdefinitions', TEAM_A)).json()), [
        'team-a/team-a-net',
      ]);
    });

    test('a user who may not get the provider is refused', async () => {
      assert.equal((await host('/networkattachmentdefinitions', NOBODY)).statusCode, 403);
      assert.equal((await get(`/providers/openshift/${uids.host}`, NOBODY)).statusCode, 403);
    });
  });

  describe('a remote cluster', () => {
    test("is read with the provider's token: VMs with their instance, namespace and name filters", async () => {
      const vms = (await remoteGet('/vms?detail=1&namespace=vms-prod')).json() as OpenshiftVm[];
      assert.deepEqual(names(vms), ['vms-prod/database', 'vms-prod/web']);
      assert.equal((vms[0]!.instance?.status as { phase: string }).phase, 'Running');
      assert.deepEqual(names((await remoteGet('/vms?name=test-vm')).json()), ['vms-dev/test-vm']);
      assert.deepEqual(names((await remoteGet('/vms?limit=1&offset=1')).json()), [
        'vms-prod/database',
      ]);
      assert.deepEqual(names((await remoteGet('/networkattachmentdefinitions')).json()), [
        'vms-dev/dev-vlan',
        'vms-prod/prod-bridge',
      ]);
      for (const collection of [
        'namespaces',
        'storageclasses',
        'datavolumes',
        'persistentvolumeclaims',
        'instancetypes',
        'clusterinstancetypes',
      ]) {
        const response = await remoteGet(`/${collection}/`);
        assert.equal(response.statusCode, 200, collection);
        assert.ok(response.json().length > 0, collection);
      }
      const storageClass = (await remoteGet('/storageclasses/remote-ceph-rbd')).json();
      assert.equal(
        storageClass.object.metadata.annotations['storageclass.kubernetes.io/is-default-class'],
        'true',
      );
    });

    test('gives its counts', async () => {
      const body = (await get(`/providers/openshift/${uids.remote}`)).json();
      assert.deepEqual([body.vmCount, body.networkCount, body.storageClassCount], [3, 3, 2]);
    });

    test('a user who may not get the provider is refused', async () => {
      assert.equal((await remoteGet('/vms', TEAM_A)).statusCode, 403);
      assert.equal((await get(`/providers/openshift/${uids.remote}`, TEAM_A)).statusCode, 403);
    });
  });

  test('bad parameters and unknown collections', async () => {
    for (const [query, field] of [
      ['detail=full', 'detail'],
      ['namespace=Not_A_Namespace', 'namespace'],
      ['limit=-1', 'limit'],
    ]) {
      const response = await host(`/vms?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(response.json().message, new RegExp(field!), query);
    }
    assert.equal((await host('/hosts')).statusCode, 404);
    assert.equal((await host('/tree/vm')).statusCode, 404);
    const unknown = await get('/providers/openshift/no-such-provider/vms');
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers['x-reason'], 'ProviderNotFound');
  });
});
