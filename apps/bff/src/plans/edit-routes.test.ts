// Editing a plan, its YAML and its hooks through the BFF, against the real embedded API server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  HookModel,
  PlanModel,
  type Hook,
  type Plan,
} from '@forklift-console/api';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import {
  bearer,
  grantRole,
  writeTokens,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { planEditRoutes } from './edit-routes.ts';

const NAMESPACE = 'plan-edit-test';
const PLAYBOOK = Buffer.from('- hosts: localhost\n  tasks: []\n').toString('base64');

describe('plan edit routes on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let custom: CustomObjectsApi;

  const planUrl = (name: string) => `/api/v1/namespaces/${NAMESPACE}/plans/${name}`;
  const kind = (model: typeof PlanModel) => ({
    group: model.group,
    version: model.version,
    plural: model.plural,
    namespace: NAMESPACE,
  });
  const readPlan = async (name: string) =>
    (await custom.getNamespacedCustomObject({ ...kind(PlanModel), name })) as Plan;
  const listHooks = async () =>
    ((await custom.listNamespacedCustomObject(kind(HookModel))) as { items: Hook[] }).items;

  const createPlan = async (name: string, spec: Partial<Plan['spec']> = {}, status?: object) => {
    const plan = (await custom.createNamespacedCustomObject({
      ...kind(PlanModel),
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: 'Plan',
        metadata: { name },
        spec: {
          provider: { source: { name: 'vcenter' }, destination: { name: 'host' } },
          targetNamespace: NAMESPACE,
          map: { network: { name: 'net' }, storage: { name: 'store' } },
          vms: [{ id: 'vm-1', name: 'web-1' }, { id: 'vm-2' }],
          ...spec,
        },
      },
    })) as Plan;
    if (!status) return plan;
    return (await custom.replaceNamespacedCustomObjectStatus({
      ...kind(PlanModel),
      name,
      body: { ...plan, status },
    })) as Plan;
  };

  const patch = (name: string, resourceVersion: string | undefined, spec: object, token?: string) =>
    app.inject({
      method: 'PATCH',
      url: planUrl(name),
      payload: { resourceVersion, spec },
      headers: bearer(token),
    });

  before(async () => {
    routeTest = await startRouteTest('plan-edit-', planEditRoutes, { namespace: NAMESPACE });
    ({ app, custom } = routeTest);
    await writeTokens(routeTest.api.dataDir, [
      { token: 'nobody-token', user: 'nobody' },
      { token: 'hook-writer-token', user: 'hook-writer' },
    ]);
    // May read plans and write hooks, but not change a plan: the hook route gets halfway.
    await grantRole(routeTest.connection.kubeConfig, {
      role: 'hook-writer',
      user: 'hook-writer',
      namespace: NAMESPACE,
      rules: [
        { apiGroups: [PlanModel.group], resources: ['plans'], verbs: ['get'] },
        { apiGroups: [HookModel.group], resources: ['hooks'], verbs: ['get', 'create', 'delete'] },
      ],
    });
  });

  after(() => routeTest?.close());

  test('PATCH sets and removes spec fields and answers the stored plan', async () => {
    const plan = await createPlan('described', {
      description: 'before',
      transferNetwork: { name: 'nad', namespace: NAMESPACE },
    });
    const response = await patch('described', plan.metadata?.resourceVersion, {
      description: 'after',
      targetPowerState: 'off',
      transferNetwork: null,
    });
    assert.equal(response.statusCode, 200, response.body);
    const stored = await readPlan('described');
    assert.equal(stored.spec?.description, 'after');
    assert.equal(stored.spec?.targetPowerState, 'off');
    assert.equal(stored.spec?.transferNetwork, undefined);
    assert.equal(response.json().metadata.resourceVersion, stored.metadata?.resourceVersion);
  });

  test('PATCH of the VM list renames a target and removes a VM', async () => {
    const plan = await createPlan('vms');
    const response = await patch('vms', plan.metadata?.resourceVersion, {
      vms: [{ id: 'vm-1', name: 'web-1', targetName: 'web-one' }],
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual((await readPlan('vms')).spec?.vms, [
      { id: 'vm-1', name: 'web-1', targetName: 'web-one' },
    ]);
  });

  test('PATCH with a stale resourceVersion is 409 and changes nothing', async () => {
    const plan = await createPlan('stale', { description: 'kept' });
    await patch('stale', plan.metadata?.resourceVersion, { description: 'first' });
    const response = await patch('stale', plan.metadata?.resourceVersion, {
      description: 'second',
    });
    assert.equal(response.statusCode, 409);
    assert.match(response.json().message, /changed since it was read/);
    assert.equal((await readPlan('stale')).spec?.description, 'first');
  });

  test('an archived or migrating plan is not editable: 409 with the reason', async () => {
    const archived = await createPlan('archived', { archived: true });
    const refused = await patch('archived', archived.metadata?.resourceVersion, {
      description: 'x',
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().message, /archived/);
    const running = await createPlan(
      'running',
      {},
      {
        conditions: [
          {
            type: 'Executing',
            status: 'True',
            category: 'Advisory',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
      },
    );
    const alsoRefused = await patch('running', running.metadata?.resourceVersion, {
      description: 'x',
    });
    assert.equal(alsoRefused.statusCode, 409);
    assert.match(alsoRefused.json().message, /during migration/);
    assert.equal((await readPlan('running')).spec?.description, undefined);
  });

  test('bad input is 400 naming the field', async () => {
    const plan = await createPlan('bad-input');
    const rv = plan.metadata?.resourceVersion;
    const unknown = await patch('bad-input', rv, { provider: { source: { name: 'x' } } });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().message, /unknown property "provider"/);
    const power = await patch('bad-input', rv, { targetPowerState: 'sideways' });
    assert.equal(power.statusCode, 400);
    assert.match(power.json().message, /targetPowerState/);
    const noVersion = await patch('bad-input', undefined, { description: 'x' });
    assert.equal(noVersion.statusCode, 400);
    assert.match(noVersion.json().message, /resourceVersion/);
    const noVms = await patch('bad-input', rv, { vms: [] });
    assert.equal(noVms.statusCode, 400);
    assert.match(noVms.json().message, /vms/);
  });

  test('a user without rights is refused by RBAC with 403', async () => {
    const plan = await createPlan('guarded');
    const response = await patch(
      'guarded',
      plan.metadata?.resourceVersion,
      { description: 'x' },
      'nobody-token',
    );
    assert.equal(response.statusCode, 403);
    assert.match(response.json().message, /nobody/);
  });

  test('PUT replaces the whole plan from YAML, and refuses a rename or a stale copy', async () => {
    const plan = await createPlan('yaml');
    const edited = { ...plan, spec: { ...plan.spec, description: 'from yaml' } };
    const response = await app.inject({ method: 'PUT', url: planUrl('yaml'), payload: edited });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((await readPlan('yaml')).spec?.description, 'from yaml');

    const stale = await app.inject({ method: 'PUT', url: planUrl('yaml'), payload: edited });
    assert.equal(stale.statusCode, 409);
    const renamed = await app.inject({
      method: 'PUT',
      url: planUrl('yaml'),
      payload: { ...edited, metadata: { ...edited.metadata, name: 'other' } },
    });
    assert.equal(renamed.statusCode, 400);
    assert.match(renamed.json().message, /metadata\.name/);
  });

  test('PUT of a spec the CRD refuses is 422 from the API server', async () => {
    const plan = await createPlan('crd');
    const response = await app.inject({
      method: 'PUT',
      url: planUrl('crd'),
      payload: { ...plan, spec: { ...plan.spec, targetPowerState: 'sideways' } },
    });
    assert.equal(response.statusCode, 422, response.body);
  });

  test('a pre hook is created owned by the plan, set on every VM, edited in place and removed', async () => {
    const plan = await createPlan('hooked');
    const put = (resourceVersion: string | undefined, image: string) =>
      app.inject({
        method: 'PUT',
        url: `${planUrl('hooked')}/hooks/pre`,
        payload: { resourceVersion, hook: { image, serviceAccount: 'runner', playbook: PLAYBOOK } },
      });
    const created = await put(plan.metadata?.resourceVersion, 'quay.io/konveyor/hook-runner');
    assert.equal(created.statusCode, 200, created.body);
    const { hook, plan: stored } = created.json() as { hook: Hook; plan: Plan };
    assert.equal(hook.metadata?.ownerReferences?.[0]?.uid, plan.metadata?.uid);
    assert.equal(hook.spec?.playbook, PLAYBOOK);
    for (const vm of (await readPlan('hooked')).spec?.vms ?? []) {
      assert.deepEqual(vm.hooks, [
        { step: 'PreHook', hook: { name: hook.metadata?.name, namespace: NAMESPACE } },
      ]);
    }

    const edited = await put(stored.metadata?.resourceVersion, 'quay.io/example/runner:2');
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().hook.metadata.name, hook.metadata?.name);
    const ours = (await listHooks()).filter((h) => h.metadata?.name?.startsWith('hooked-'));
    assert.deepEqual(
      ours.map((h) => h.spec?.image),
      ['quay.io/example/runner:2'],
    );

    const removed = await app.inject({
      method: 'DELETE',
      url: `${planUrl('hooked')}/hooks/pre?resourceVersion=${edited.json().plan.metadata.resourceVersion}`,
    });
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(
      (await readPlan('hooked')).spec?.vms.map((vm) => vm.hooks),
      [undefined, undefined],
    );
    assert.equal(
      (await listHooks()).some((h) => h.metadata?.name === hook.metadata?.name),
      false,
    );
  });

  test('a hook with a playbook that is not base64 is 400 and nothing is created', async () => {
    const plan = await createPlan('bad-hook');
    const before = (await listHooks()).length;
    const response = await app.inject({
      method: 'PUT',
      url: `${planUrl('bad-hook')}/hooks/post`,
      payload: {
        resourceVersion: plan.metadata?.resourceVersion,
        hook: { image: 'quay.io/konveyor/hook-runner', playbook: '- hosts: all' },
      },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /hook\.playbook/);
    assert.equal((await listHooks()).length, before);
  });

  test('a hook for a stale plan leaves no Hook behind', async () => {
    const plan = await createPlan('hook-race');
    await patch('hook-race', plan.metadata?.resourceVersion, { description: 'moved on' });
    const before = (await listHooks()).length;
    const response = await app.inject({
      method: 'PUT',
      url: `${planUrl('hook-race')}/hooks/post`,
      payload: {
        resourceVersion: plan.metadata?.resourceVersion,
        hook: { image: 'quay.io/konveyor/hook-runner' },
      },
    });
    assert.equal(response.statusCode, 409);
    assert.equal((await listHooks()).length, before);
  });

  test('a hook whose plan cannot be written is removed again: 403 and no Hook left', async () => {
    const plan = await createPlan('half-way');
    const before = (await listHooks()).length;
    const response = await app.inject({
      method: 'PUT',
      url: `${planUrl('half-way')}/hooks/pre`,
      payload: {
        resourceVersion: plan.metadata?.resourceVersion,
        hook: { image: 'quay.io/konveyor/hook-runner' },
      },
      headers: bearer('hook-writer-token'),
    });
    assert.equal(response.statusCode, 403, response.body);
    assert.equal((await listHooks()).length, before);
    assert.equal((await readPlan('half-way')).spec?.vms[0]?.hooks, undefined);
  });
});
