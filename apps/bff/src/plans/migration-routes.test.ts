// Start, Cancel, the migration's objects per VM and a migration pod's log through the BFF, against
// the real embedded API server, with the caller's RBAC.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import {
  DataVolumeModel,
  FORKLIFT_API_VERSION,
  MigrationModel,
  PlanModel,
  VirtualMachineModel,
  apiVersionOf,
  type K8sModel,
  type Migration,
  type Plan,
} from '@forklift-console/api';
import {
  bearer,
  grantRole,
  writeTokens,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import { planMigrationRoutes } from './migration-routes.ts';

const NAMESPACE = 'plan-migration-test';
const at = () => new Date().toISOString();
const condition = (type: string, category = 'Advisory') => ({
  type,
  category,
  status: 'True',
  lastTransitionTime: at(),
});

describe('plan migration routes on the embedded API server', () => {
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

  const createPlan = async (name: string, conditions: ReturnType<typeof condition>[]) => {
    const plan = (await custom.createNamespacedCustomObject({
      ...kindApi(PlanModel),
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: 'Plan',
        metadata: { name },
        spec: {
          provider: {
            source: { name: 'vcenter', namespace: NAMESPACE },
            destination: { name: 'host', namespace: NAMESPACE },
          },
          targetNamespace: NAMESPACE,
          map: { network: { name: 'net' }, storage: { name: 'storage' } },
          vms: [{ id: 'vm-1' }, { id: 'vm-2' }, { id: 'vm-3' }],
        },
      },
    })) as Plan;
    return (await custom.replaceNamespacedCustomObjectStatus({
      ...kindApi(PlanModel),
      name,
      body: { ...plan, status: { conditions } },
    })) as Plan;
  };

  const migrationsOf = async (plan: string) =>
    (
      (await custom.listNamespacedCustomObject(kindApi(MigrationModel))) as { items: Migration[] }
    ).items.filter((migration) => migration.spec?.plan.name === plan);

  const post = (url: string, payload?: object, token?: string) =>
    app.inject({
      method: 'POST',
      url,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    });
  const planUrl = (name: string, action: string) =>
    `/api/v1/namespaces/${NAMESPACE}/plans/${name}/${action}`;

  before(async () => {
    routeTest = await startRouteTest('plan-migration-', planMigrationRoutes, {
      namespace: NAMESPACE,
    });
    ({ app, custom, core } = routeTest);
    await writeTokens(routeTest.api.dataDir, [
      { token: 'reader-token', user: 'plan-reader' },
      { token: 'nobody-token', user: 'nobody' },
      { token: 'pod-reader-token', user: 'pod-reader' },
    ]);
    await grantRole(routeTest.connection.kubeConfig, {
      role: 'pod-reader',
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }],
      namespace: NAMESPACE,
      user: 'pod-reader',
    });
    await grantRole(routeTest.connection.kubeConfig, {
      role: 'plan-reader',
      rules: [
        {
          apiGroups: [PlanModel.group],
          resources: ['plans', 'migrations'],
          verbs: ['get', 'list'],
        },
      ],
      namespace: NAMESPACE,
      user: 'plan-reader',
    });
  });

  after(() => routeTest?.close());

  describe('start', () => {
    test('creates a Migration owned by a Ready plan, naming it, with nothing canceled', async () => {
      const plan = await createPlan('ready', [condition('Ready', 'Required')]);
      const response = await post(planUrl('ready', 'start'));
      assert.equal(response.statusCode, 201, response.body);
      const created = response.json() as Migration;
      assert.match(created.metadata?.name ?? '', /^ready-.+/);
      const [stored] = await migrationsOf('ready');
      assert.equal(stored?.metadata?.name, created.metadata?.name);
      assert.deepEqual(stored?.spec, {
        plan: { name: 'ready', namespace: NAMESPACE, uid: plan.metadata?.uid },
        cancel: [],
      });
      assert.deepEqual(stored?.metadata?.ownerReferences, [
        { apiVersion: FORKLIFT_API_VERSION, kind: 'Plan', name: 'ready', uid: plan.metadata?.uid },
      ]);
    });

    test('a second Start while that Migration is unfinished is a 409 saying one runs', async () => {
      const response = await post(planUrl('ready', 'start'));
      assert.equal(response.statusCode, 409, response.body);
      assert.match(response.json().message, /already running/);
      assert.equal((await migrationsOf('ready')).length, 1);
    });

    test('a plan that is not Ready, or succeeded, is refused with 409 naming why', async () => {
      await createPlan('blocked', [condition('VMNotFound', 'Critical')]);
      const blocked = await post(planUrl('blocked', 'start'));
      assert.equal(blocked.statusCode, 409);
      assert.match(blocked.json().message, /not Ready/);
      await createPlan('done', [condition('Ready', 'Required'), condition('Succeeded')]);
      const done = await post(planUrl('done', 'start'));
      assert.equal(done.statusCode, 409);
      assert.match(done.json().message, /were migrated/);
      await createPlan('running', [condition('Ready', 'Required'), condition('Executing')]);
      assert.equal((await post(planUrl('running', 'start'))).statusCode, 409);
      assert.deepEqual([...(await migrationsOf('blocked')), ...(await migrationsOf('done'))], []);
    });

    test('a failed plan restarts with a new Migration', async () => {
      await createPlan('failed', [condition('Ready', 'Required'), condition('Failed')]);
      const response = await post(planUrl('failed', 'start'));
      assert.equal(response.statusCode, 201, response.body);
    });

    test('a user who may read plans but not create Migrations gets the API server’s 403', async () => {
      await createPlan('forbidden', [condition('Ready', 'Required')]);
      const response = await post(planUrl('forbidden', 'start'), undefined, 'reader-token');
      assert.equal(response.statusCode, 403, response.body);
      assert.match(response.json().message, /cannot create resource "migrations"/);
    });

    test('an unknown plan is a 404', async () => {
      assert.equal((await post(planUrl('nope', 'start'))).statusCode, 404);
    });
  });

  describe('cancel', () => {
    before(async () => {
      await createPlan('cancel-me', [condition('Ready', 'Required')]);
      assert.equal((await post(planUrl('cancel-me', 'start'))).statusCode, 201);
    });

    const cancelIds = async () =>
      (await migrationsOf('cancel-me'))[0]?.spec?.cancel?.map((ref) => ref.id);

    test('adds the ids to the active Migration’s spec.cancel, keeping those already there', async () => {
      const first = await post(planUrl('cancel-me', 'cancel'), { vms: [{ id: 'vm-2' }] });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(await cancelIds(), ['vm-2']);
      const second = await post(planUrl('cancel-me', 'cancel'), {
        vms: [{ id: 'vm-1' }, { id: 'vm-2' }],
      });
      assert.equal(second.statusCode, 200, second.body);
      assert.deepEqual(await cancelIds(), ['vm-2', 'vm-1']);
    });

    test('all cancels every VM of the plan not yet finished', async () => {
      const response = await post(planUrl('cancel-me', 'cancel'), { all: true });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(await cancelIds(), ['vm-2', 'vm-1', 'vm-3']);
    });

    test('concurrent cancels of different VMs both land', async () => {
      await createPlan('cancel-race', [condition('Ready', 'Required')]);
      assert.equal((await post(planUrl('cancel-race', 'start'))).statusCode, 201);
      const answers = await Promise.all(
        ['vm-1', 'vm-2', 'vm-3'].map((id) =>
          post(planUrl('cancel-race', 'cancel'), { vms: [{ id }] }),
        ),
      );
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        [200, 200, 200],
      );
      const ids = (await migrationsOf('cancel-race'))[0]?.spec?.cancel?.map((ref) => ref.id);
      assert.deepEqual([...(ids ?? [])].sort(), ['vm-1', 'vm-2', 'vm-3']);
    });

    test('an id that is not the plan’s is a 400 naming it; a plan with nothing running a 409', async () => {
      const unknown = await post(planUrl('cancel-me', 'cancel'), { vms: [{ id: 'vm-9' }] });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().message, /vms\[0\]\.id: vm-9/);
      await createPlan('idle', [condition('Ready', 'Required')]);
      const idle = await post(planUrl('idle', 'cancel'), { all: true });
      assert.equal(idle.statusCode, 409);
      assert.match(idle.json().message, /No migration/);
    });

    test('a plan naming its VMs without ids takes the ids the page resolved from the inventory', async () => {
      const plan = (await custom.getNamespacedCustomObject({
        ...kindApi(PlanModel),
        name: 'ready',
      })) as Plan;
      await custom.replaceNamespacedCustomObject({
        ...kindApi(PlanModel),
        name: 'ready',
        body: { ...plan, spec: { ...plan.spec, vms: [{ name: 'web-01' }] } },
      });
      const response = await post(planUrl('ready', 'cancel'), { vms: [{ id: 'vm-77' }] });
      assert.equal(response.statusCode, 200, response.body);
      const [migration] = await migrationsOf('ready');
      assert.deepEqual(migration?.spec?.cancel, [{ id: 'vm-77' }]);
    });

    test('a body with neither vms nor all, or with an unknown field, is a 400', async () => {
      assert.equal((await post(planUrl('cancel-me', 'cancel'), {})).statusCode, 400);
      const extra = await post(planUrl('cancel-me', 'cancel'), { all: true, force: true });
      assert.equal(extra.statusCode, 400);
      assert.match(extra.json().message, /force/);
    });
  });

  describe('migration resources and pod logs', () => {
    let plan: Plan;
    let labels: Record<string, string>;

    const createCustom = (model: K8sModel, body: object) =>
      custom.createNamespacedCustomObject({
        ...kindApi(model),
        body: { apiVersion: apiVersionOf(model), kind: model.kind, ...body },
      });

    const writePodLog = async (name: string, uid: string, container: string, text: string) => {
      // The embedded API reads a container's log where its pod runner writes it (kubelet's layout).
      const file = path.join(
        routeTest.api.dataDir,
        'pod-logs',
        `${NAMESPACE}_${name}_${uid}`,
        container,
        '0.log',
      );
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      await core.replaceNamespacedPodStatus({
        namespace: NAMESPACE,
        name,
        body: {
          metadata: { name },
          status: {
            phase: 'Running',
            containerStatuses: [{ name: container, restartCount: 0, state: { running: {} } }],
          },
        } as never,
      });
    };

    const createPod = async (
      name: string,
      podLabels: Record<string, string>,
      container: string,
    ) => {
      const pod = await core.createNamespacedPod({
        namespace: NAMESPACE,
        body: {
          metadata: { name, labels: podLabels },
          spec: { containers: [{ name: container, image: 'quay.io/kubev2v/forklift-virt-v2v' }] },
        },
      });
      return pod.metadata?.uid ?? '';
    };

    before(async () => {
      plan = await createPlan('with-objects', [condition('Ready', 'Required')]);
      labels = {
        plan: plan.metadata?.uid ?? '',
        'plan-name': 'with-objects',
        'plan-namespace': NAMESPACE,
        migration: 'migration-uid',
      };
      await createCustom(DataVolumeModel, {
        metadata: { name: 'with-objects-web-disk-0', labels: { ...labels, vmID: 'vm-1' } },
        spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '1Gi' } } } },
      });
      await core.createNamespacedPersistentVolumeClaim({
        namespace: NAMESPACE,
        body: {
          metadata: { name: 'with-objects-web-disk-0', labels: { ...labels, vmID: 'vm-1' } },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      });
      const converter = await createPod(
        'with-objects-vm-1-converter',
        { ...labels, vmID: 'vm-1', 'forklift.app': 'virt-v2v' },
        'virt-v2v',
      );
      await writePodLog(
        'with-objects-vm-1-converter',
        converter,
        'virt-v2v',
        'Inspecting the source\n',
      );
      await createCustom(VirtualMachineModel, {
        metadata: { name: 'web', labels: { ...labels, vmID: 'vm-1' } },
        spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {} } } } },
      });
      const launcher = await createPod(
        'virt-launcher-web-bcdfg',
        { 'kubevirt.io': 'virt-launcher', 'vm.kubevirt.io/name': 'web' },
        'guest-console-log',
      );
      await writePodLog('virt-launcher-web-bcdfg', launcher, 'guest-console-log', 'login: \n');
      // Another plan's and nobody's objects stay out.
      await core.createNamespacedPersistentVolumeClaim({
        namespace: NAMESPACE,
        body: {
          metadata: { name: 'unrelated', labels: { plan: 'other-uid', vmID: 'vm-1' } },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      });
      const stray = await createPod('stray', {}, 'main');
      await writePodLog('stray', stray, 'main', 'not for the console\n');
    });

    const get = (url: string, token?: string) =>
      app.inject({ method: 'GET', url, headers: bearer(token) });
    const logUrl = (pod: string, container: string) =>
      `/api/v1/namespaces/${NAMESPACE}/pods/${pod}/log?container=${container}`;

    test('lists the plan’s objects grouped by vmID, the VM with its launcher pod', async () => {
      const response = await get(planUrl('with-objects', 'migration-resources'));
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.namespace, NAMESPACE);
      assert.equal(body.vms.length, 1);
      const [vm] = body.vms;
      assert.equal(vm.vmID, 'vm-1');
      assert.deepEqual(
        vm.dataVolumes.map((dv: { name: string }) => dv.name),
        ['with-objects-web-disk-0'],
      );
      assert.deepEqual(
        vm.persistentVolumeClaims.map((claim: { name: string; capacity?: string }) => [
          claim.name,
          claim.capacity,
        ]),
        [['with-objects-web-disk-0', '1Gi']],
      );
      assert.deepEqual(vm.pods, [
        {
          name: 'with-objects-vm-1-converter',
          phase: 'Running',
          role: 'virt-v2v',
          containers: [{ name: 'virt-v2v', state: 'running' }],
        },
      ]);
      assert.equal(vm.virtualMachines[0].name, 'web');
      assert.deepEqual(
        vm.virtualMachines[0].launcherPods.map((pod: { name: string }) => pod.name),
        ['virt-launcher-web-bcdfg'],
      );
    });

    test('a conversion pod’s log and the VM’s serial console come through', async () => {
      const converter = await get(logUrl('with-objects-vm-1-converter', 'virt-v2v'));
      assert.equal(converter.statusCode, 200, converter.body);
      assert.equal(converter.body, 'Inspecting the source\n');
      assert.match(converter.headers['content-type'] as string, /^text\/plain/);
      const console = await get(logUrl('virt-launcher-web-bcdfg', 'guest-console-log'));
      assert.equal(console.statusCode, 200, console.body);
      assert.equal(console.body, 'login: \n');
    });

    test('a pod that is no migration’s is refused, whoever asks', async () => {
      const response = await get(logUrl('stray', 'main'));
      assert.equal(response.statusCode, 403);
      assert.match(response.json().message, /does not belong to a migration plan/);
    });

    test('a user without rights on pods gets 403 from the API server, for objects and logs', async () => {
      const resources = await get(planUrl('with-objects', 'migration-resources'), 'reader-token');
      assert.equal(resources.statusCode, 403, resources.body);
      const log = await get(logUrl('with-objects-vm-1-converter', 'virt-v2v'), 'nobody-token');
      assert.equal(log.statusCode, 403, log.body);
      assert.doesNotMatch(log.body, /Inspecting/);
    });

    test('a user who may read pods but not the plan gets no log of the plan’s pods', async () => {
      const response = await get(
        logUrl('with-objects-vm-1-converter', 'virt-v2v'),
        'pod-reader-token',
      );
      assert.equal(response.statusCode, 403, response.body);
      assert.match(response.json().message, /does not belong to a migration plan you may read/);
    });

    test('a bad container name or line count is a 400 naming it', async () => {
      const bad = await get(`${logUrl('with-objects-vm-1-converter', 'Bad_Name')}`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().message, /container/);
      const lines = await get(`${logUrl('with-objects-vm-1-converter', 'virt-v2v')}&tailLines=0`);
      assert.equal(lines.statusCode, 400);
      assert.match(lines.json().message, /tailLines/);
    });
  });
});
