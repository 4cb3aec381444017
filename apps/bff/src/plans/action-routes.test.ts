// Bulk archive and delete and Duplicate through the BFF, against the real embedded API server.
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
  type K8sModel,
  type ObjectMeta,
  type Plan,
} from '@forklift-console/api';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import {
  bearer,
  grantRole,
  writeTokens,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { planActionRoutes } from './action-routes.ts';

const NAMESPACE = 'plan-actions-test';

const providers = {
  source: { name: 'vcenter', namespace: NAMESPACE },
  destination: { name: 'host', namespace: NAMESPACE },
};

type Stored = { metadata: ObjectMeta & { name: string; uid: string } } & Record<string, unknown>;

describe('plan action routes on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let custom: CustomObjectsApi;
  let core: CoreV1Api;

  const kindApi = (model: K8sModel) => ({
    group: model.group,
    version: model.version,
    plural: model.plural,
    namespace: NAMESPACE,
  });

  const createObject = async (model: K8sModel, body: object) =>
    (await custom.createNamespacedCustomObject({
      ...kindApi(model),
      body: { apiVersion: FORKLIFT_API_VERSION, kind: model.kind, ...body },
    })) as Stored;

  const readObject = async (model: K8sModel, name: string) =>
    (await custom.getNamespacedCustomObject({ ...kindApi(model), name })) as Stored;

  const names = async (model: K8sModel) =>
    ((await custom.listNamespacedCustomObject(kindApi(model))) as { items: Stored[] }).items.map(
      (item) => item.metadata.name,
    );

  const secretNames = async () =>
    (await core.listNamespacedSecret({ namespace: NAMESPACE })).items.map(
      (secret) => secret.metadata?.name,
    );

  const planBody = (name: string, spec: Record<string, unknown> = {}) => ({
    metadata: { name },
    spec: {
      provider: providers,
      targetNamespace: NAMESPACE,
      map: { network: { name: 'shared-network' }, storage: { name: 'shared-storage' } },
      vms: [{ id: 'vm-1' }],
      ...spec,
    },
  });

  const createPlan = async (name: string, spec?: Record<string, unknown>) =>
    createObject(PlanModel, planBody(name, spec)) as Promise<Stored & Plan>;

  /** What the migration controller writes while a plan's migration runs. */
  const markRunning = async (plan: Plan) =>
    custom.replaceNamespacedCustomObjectStatus({
      ...kindApi(PlanModel),
      name: plan.metadata?.name ?? '',
      body: {
        ...plan,
        status: {
          conditions: [
            {
              type: 'Executing',
              status: 'True',
              category: 'Advisory',
              lastTransitionTime: new Date().toISOString(),
            },
          ],
          migration: {
            vms: [
              {
                id: 'vm-1',
                phase: 'DiskTransfer',
                pipeline: [],
                started: new Date().toISOString(),
              },
            ],
          },
        },
      },
    });

  const ownedBy = (plan: Stored) => [
    {
      apiVersion: FORKLIFT_API_VERSION,
      kind: 'Plan',
      name: plan.metadata.name,
      uid: plan.metadata.uid,
    },
  ];

  const post = (url: string, payload: object, token?: string) =>
    app.inject({ method: 'POST', url, payload, headers: bearer(token) });

  before(async () => {
    routeTest = await startRouteTest('plan-actions-', planActionRoutes, { namespace: NAMESPACE });
    ({ app, custom, core } = routeTest);
    await writeTokens(routeTest.api.dataDir, [
      { token: 'reader-token', user: 'plan-reader' },
      { token: 'no-plan-create-token', user: 'no-plan-create' },
    ]);
    const { kubeConfig } = routeTest.connection;
    await grantRole(kubeConfig, {
      role: 'plan-reader',
      rules: [{ apiGroups: [PlanModel.group], resources: ['plans'], verbs: ['get', 'list'] }],
      namespace: NAMESPACE,
      user: 'plan-reader',
    });
    // Everything Duplicate needs except creating the Plan itself, so it fails after the copies.
    await grantRole(kubeConfig, {
      role: 'plan-copier-without-create',
      rules: [
        { apiGroups: [PlanModel.group], resources: ['plans'], verbs: ['get'] },
        {
          apiGroups: [PlanModel.group],
          resources: ['networkmaps', 'storagemaps', 'hooks'],
          verbs: ['get', 'create', 'delete', 'patch'],
        },
        {
          apiGroups: [''],
          resources: ['secrets', 'configmaps'],
          verbs: ['get', 'create', 'delete', 'patch'],
        },
      ],
      namespace: NAMESPACE,
      user: 'no-plan-create',
    });
  });

  after(() => routeTest?.close());

  test('archive sets spec.archived on each plan and refuses a running one, per plan', async () => {
    await createPlan('archive-idle');
    const running = await createPlan('archive-running');
    await markRunning(running);
    const response = await post('/api/v1/plans/archive', {
      plans: [
        { namespace: NAMESPACE, name: 'archive-idle' },
        { namespace: NAMESPACE, name: 'archive-running' },
        { namespace: NAMESPACE, name: 'archive-missing' },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const [idle, refused, missing] = response.json().results;
    assert.deepEqual(idle, { namespace: NAMESPACE, name: 'archive-idle', ok: true });
    assert.equal(refused.ok, false);
    assert.match(refused.error, /running a migration/);
    assert.equal(missing.ok, false);
    assert.match(missing.error, /not found/);
    assert.equal(((await readObject(PlanModel, 'archive-idle')) as Plan).spec?.archived, true);
    assert.notEqual(
      ((await readObject(PlanModel, 'archive-running')) as Plan).spec?.archived,
      true,
    );
  });

  test('a user who may read plans but not patch them gets a 403 reason for each plan', async () => {
    await createPlan('archive-forbidden');
    const response = await post(
      '/api/v1/plans/archive',
      { plans: [{ namespace: NAMESPACE, name: 'archive-forbidden' }] },
      'reader-token',
    );
    assert.equal(response.statusCode, 200, response.body);
    const [result] = response.json().results;
    assert.equal(result.ok, false);
    assert.match(result.error, /forbidden/i);
    assert.match(result.error, /patch/);
    assert.notEqual(
      ((await readObject(PlanModel, 'archive-forbidden')) as Plan).spec?.archived,
      true,
    );
  });

  test('delete removes the plan and, through the garbage collector, what it owns', async () => {
    const plan = await createPlan('delete-me');
    await createObject(NetworkMapModel, {
      metadata: { name: 'delete-me-network', ownerReferences: ownedBy(plan) },
      spec: { provider: providers, map: [] },
    });
    const running = await createPlan('delete-running');
    await markRunning(running);
    const response = await post('/api/v1/plans/delete', {
      plans: [
        { namespace: NAMESPACE, name: 'delete-me' },
        { namespace: NAMESPACE, name: 'delete-running' },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const [deleted, refused] = response.json().results;
    assert.equal(deleted.ok, true);
    assert.equal(refused.ok, false);
    assert.ok(!(await names(PlanModel)).includes('delete-me'));
    assert.ok((await names(PlanModel)).includes('delete-running'));
    for (let attempt = 0; (await names(NetworkMapModel)).includes('delete-me-network'); attempt++) {
      assert.ok(attempt < 100, 'the plan-owned map was not garbage-collected');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  test('a bulk body without plans, with too many or with an unknown field is a 400 naming it', async () => {
    const empty = await post('/api/v1/plans/archive', { plans: [] });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().message, /plans/);
    const tooMany = await post('/api/v1/plans/delete', {
      plans: Array.from({ length: 501 }, (_, index) => ({
        namespace: NAMESPACE,
        name: `p${index}`,
      })),
    });
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.json().message, /plans/);
    const extra = await post('/api/v1/plans/archive', {
      plans: [{ namespace: NAMESPACE, name: 'x', force: true }],
    });
    assert.equal(extra.statusCode, 400);
    assert.match(extra.json().message, /force/);
  });

  describe('duplicate', () => {
    let source: Stored & Plan;

    before(async () => {
      source = await createPlan('original', {
        map: { network: { name: 'original-network' }, storage: { name: 'shared-storage' } },
        vms: [
          {
            id: 'vm-1',
            hooks: [{ step: 'PreHook', hook: { name: 'original-pre', namespace: NAMESPACE } }],
            luks: { name: 'original-luks' },
          },
        ],
      });
      const owner = ownedBy(source);
      await createObject(NetworkMapModel, {
        metadata: { name: 'original-network', ownerReferences: owner },
        spec: {
          provider: providers,
          map: [{ source: { id: 'network-1' }, destination: { type: 'pod' } }],
        },
      });
      // Shared with other plans: the copy keeps pointing at it.
      await createObject(StorageMapModel, {
        metadata: { name: 'shared-storage' },
        spec: { provider: providers, map: [] },
      });
      await createObject(HookModel, {
        metadata: { name: 'original-pre', ownerReferences: owner },
        spec: { image: 'quay.io/kubev2v/hook-runner', playbook: 'LSBob3N0czogbG9jYWxob3N0' },
      });
      await core.createNamespacedSecret({
        namespace: NAMESPACE,
        body: {
          metadata: { name: 'original-luks', ownerReferences: owner },
          data: { passphrase: Buffer.from('s3cret-passphrase').toString('base64') },
        },
      });
    });

    const duplicate = (name: string, token?: string) =>
      post(`/api/v1/namespaces/${NAMESPACE}/plans/original/duplicate`, { name }, token);

    test('copies the plan-owned map, hook and secret, owned by the new plan', async () => {
      const response = await duplicate('original-copy');
      assert.equal(response.statusCode, 201, response.body);
      assert.ok(!response.body.includes('s3cret'));
      assert.ok(!response.body.includes(Buffer.from('s3cret-passphrase').toString('base64')));
      const copy = (await readObject(PlanModel, 'original-copy')) as Stored & Plan;
      const spec = copy.spec!;
      assert.equal(spec.map.storage.name, 'shared-storage');
      const networkName = spec.map.network.name ?? '';
      assert.match(networkName, /^original-copy-/);
      const hookName = spec.vms[0]?.hooks?.[0]?.hook.name ?? '';
      assert.match(hookName, /^original-copy-/);
      const luksName = spec.vms[0]?.luks?.name ?? '';
      assert.match(luksName, /^original-copy-/);

      const network = await readObject(NetworkMapModel, networkName);
      assert.deepEqual(network.metadata.ownerReferences, ownedBy(copy));
      assert.deepEqual((network.spec as { map: unknown }).map, [
        { source: { id: 'network-1' }, destination: { type: 'pod' } },
      ]);
      const hook = await readObject(HookModel, hookName);
      assert.deepEqual(hook.metadata.ownerReferences, ownedBy(copy));
      assert.equal((hook.spec as { image: string }).image, 'quay.io/kubev2v/hook-runner');
      const secret = await core.readNamespacedSecret({ namespace: NAMESPACE, name: luksName });
      assert.equal(secret.metadata?.ownerReferences?.[0]?.uid, copy.metadata.uid);
      assert.equal(
        Buffer.from(secret.data?.passphrase ?? '', 'base64').toString(),
        's3cret-passphrase',
      );

      const originalNetwork = await readObject(NetworkMapModel, 'original-network');
      assert.deepEqual(originalNetwork.metadata.ownerReferences, ownedBy(source));
      const shared = await readObject(StorageMapModel, 'shared-storage');
      assert.equal(shared.metadata.ownerReferences, undefined);
    });

    test('a taken name is a 409 naming the field, and nothing is made', async () => {
      const before = [await names(NetworkMapModel), await names(HookModel), await secretNames()];
      const response = await duplicate('archive-idle');
      assert.equal(response.statusCode, 409, response.body);
      assert.match(response.json().message, /^name: a plan named "archive-idle" already exists/);
      assert.deepEqual(
        [await names(NetworkMapModel), await names(HookModel), await secretNames()],
        before,
      );
    });

    test('a failure after the copies were made deletes them again', async () => {
      const before = [await names(NetworkMapModel), await names(HookModel), await secretNames()];
      const response = await duplicate('never-made', 'no-plan-create-token');
      assert.equal(response.statusCode, 403, response.body);
      assert.match(response.json().message, /cannot create resource "plans"/);
      assert.ok(!(await names(PlanModel)).includes('never-made'));
      assert.deepEqual(
        [await names(NetworkMapModel), await names(HookModel), await secretNames()],
        before,
      );
    });

    test('a new name that is not a DNS-1123 name is a 400 naming the field', async () => {
      const response = await duplicate('Not A Name');
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /name/);
    });

    test('an unknown plan is a 404', async () => {
      const response = await post(`/api/v1/namespaces/${NAMESPACE}/plans/nope/duplicate`, {
        name: 'nope-copy',
      });
      assert.equal(response.statusCode, 404, response.body);
    });
  });
});
