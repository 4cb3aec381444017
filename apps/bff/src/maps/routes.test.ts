// Creating, replacing and deleting maps through the BFF, against the real embedded API server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  NetworkMapModel,
  PlanModel,
  StorageMapModel,
  type NetworkMap,
  type Plan,
} from '@forklift-console/api';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import { bearer, writeTokens } from '@forklift-console/embedded-cluster/test-support/rbac';
import { mapRoutes } from './routes.ts';

const NAMESPACE = 'map-routes-test';

const providers = {
  source: { name: 'vcenter', namespace: NAMESPACE },
  destination: { name: 'host', namespace: NAMESPACE },
};

const networkMap = (name: string, extra: Partial<NetworkMap['metadata']> = {}) => ({
  metadata: { name, ...extra },
  spec: {
    provider: providers,
    map: [
      { source: { id: 'network-1', name: 'VM Network' }, destination: { type: 'pod' } },
      {
        source: { id: 'network-2', name: 'vm-bridge' },
        destination: { type: 'multus', namespace: NAMESPACE, name: 'vm-bridge' },
      },
    ],
  },
});

const storageMap = (name: string) => ({
  metadata: { name },
  spec: {
    provider: providers,
    map: [
      {
        source: { id: 'datastore-1', name: 'LocalDS_0' },
        destination: { storageClass: 'standard', accessMode: 'ReadWriteOnce' },
        offloadPlugin: {
          vsphereXcopyConfig: {
            secretRef: 'array-credentials',
            storageVendorProduct: 'ontap',
            dedicatedMigrationHosts: ['host-21'],
          },
        },
      },
    ],
  },
});

describe('map routes on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let custom: CustomObjectsApi;

  const url = (plural: string, name?: string) =>
    `/api/v1/namespaces/${NAMESPACE}/${plural}${name ? `/${name}` : ''}`;

  const create = async (plural: string, body: object) => {
    const response = await app.inject({ method: 'POST', url: url(plural), payload: body });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };

  const readNetworkMap = async (name: string) =>
    (await custom.getNamespacedCustomObject({
      group: NetworkMapModel.group,
      version: NetworkMapModel.version,
      plural: NetworkMapModel.plural,
      namespace: NAMESPACE,
      name,
    })) as NetworkMap;

  /** A Plan in `state`, which owns the map `mapName`. */
  const ownedByPlan = async (mapName: string, planName: string, state: Partial<Plan>) => {
    const plan = (await custom.createNamespacedCustomObject({
      group: PlanModel.group,
      version: PlanModel.version,
      plural: PlanModel.plural,
      namespace: NAMESPACE,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: 'Plan',
        metadata: { name: planName },
        spec: {
          provider: providers,
          targetNamespace: NAMESPACE,
          map: { network: { name: mapName }, storage: { name: 'none' } },
          vms: [{ id: 'vm-1' }],
          ...state.spec,
        },
      },
    })) as Plan;
    if (state.status) {
      await custom.replaceNamespacedCustomObjectStatus({
        group: PlanModel.group,
        version: PlanModel.version,
        plural: PlanModel.plural,
        namespace: NAMESPACE,
        name: planName,
        body: { ...plan, status: state.status },
      });
    }
    // Straight to the API server, as the plan controller would: the route refuses it (see below).
    return (await custom.createNamespacedCustomObject({
      group: NetworkMapModel.group,
      version: NetworkMapModel.version,
      plural: NetworkMapModel.plural,
      namespace: NAMESPACE,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: 'NetworkMap',
        ...networkMap(mapName, {
          ownerReferences: [
            {
              apiVersion: FORKLIFT_API_VERSION,
              kind: 'Plan',
              name: planName,
              uid: plan.metadata?.uid ?? '',
            },
          ],
        }),
      },
    })) as NetworkMap;
  };

  before(async () => {
    routeTest = await startRouteTest('map-routes-', mapRoutes, { namespace: NAMESPACE });
    ({ app, custom } = routeTest);
    await writeTokens(routeTest.api.dataDir, [{ token: 'nobody-token', user: 'nobody' }]);
  });

  after(() => routeTest?.close());

  test('POST creates a network map and answers it with 201', async () => {
    const created = await create('networkmaps', networkMap('created'));
    assert.equal(created.kind, 'NetworkMap');
    assert.equal(created.metadata.namespace, NAMESPACE);
    const stored = await readNetworkMap('created');
    assert.deepEqual(stored.spec?.map[1]?.destination, {
      type: 'multus',
      namespace: NAMESPACE,
      name: 'vm-bridge',
    });
  });

  test('POST creates a storage map with access mode and offload options', async () => {
    const created = await create('storagemaps', storageMap('offloaded'));
    assert.equal(created.kind, StorageMapModel.kind);
    assert.deepEqual(created.spec.map[0].offloadPlugin.vsphereXcopyConfig.dedicatedMigrationHosts, [
      'host-21',
    ]);
    assert.equal(created.spec.map[0].destination.accessMode, 'ReadWriteOnce');
  });

  test('two rows to the pod network are stored: Forklift judges that per VM, not per map', async () => {
    const twoPods = networkMap('two-pods');
    twoPods.spec.map[1]!.destination = { type: 'pod' } as never;
    await create('networkmaps', twoPods);
  });

  test('POST of a name that exists is refused with 409', async () => {
    await create('networkmaps', networkMap('twice'));
    const again = await app.inject({
      method: 'POST',
      url: url('networkmaps'),
      payload: networkMap('twice'),
    });
    assert.equal(again.statusCode, 409);
  });

  test('bad bodies are refused with 400 naming the field', async () => {
    const noStorageClass = storageMap('broken');
    noStorageClass.spec.map[0]!.destination = { accessMode: 'ReadWriteOnce' } as never;
    const missing = await app.inject({
      method: 'POST',
      url: url('storagemaps'),
      payload: noStorageClass,
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().message, /storageClass/);

    const badType = networkMap('bad-type');
    badType.spec.map[0]!.destination = { type: 'bridge' };
    const type = await app.inject({ method: 'POST', url: url('networkmaps'), payload: badType });
    assert.equal(type.statusCode, 400);
    assert.match(type.json().message, /destination\/type/);

    const badName = await app.inject({
      method: 'POST',
      url: url('networkmaps'),
      payload: networkMap('Not_A_Name'),
    });
    assert.equal(badName.statusCode, 400);
    assert.match(badName.json().message, /metadata\/name/);
  });

  test("what only the CRD's schema knows is refused by the API server with 422", async () => {
    const badVendor = storageMap('bad-vendor');
    badVendor.spec.map[0]!.offloadPlugin.vsphereXcopyConfig.storageVendorProduct = 'floppy';
    const response = await app.inject({
      method: 'POST',
      url: url('storagemaps'),
      payload: badVendor,
    });
    assert.equal(response.statusCode, 422, response.body);
    assert.match(response.json().message, /storageVendorProduct/);
  });

  test('PUT replaces the map; a stale resourceVersion is refused with 409', async () => {
    const created = (await create('networkmaps', networkMap('edited'))) as NetworkMap;
    const edited = {
      ...created,
      spec: { ...created.spec, map: [created.spec!.map[0]!] },
    };
    const saved = await app.inject({
      method: 'PUT',
      url: url('networkmaps', 'edited'),
      payload: edited,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal((await readNetworkMap('edited')).spec?.map.length, 1);

    const stale = await app.inject({
      method: 'PUT',
      url: url('networkmaps', 'edited'),
      payload: created,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal((await readNetworkMap('edited')).spec?.map.length, 1);
  });

  test('PUT refuses a rename and a missing resourceVersion, naming the field', async () => {
    const created = (await create('networkmaps', networkMap('fixed'))) as NetworkMap;
    const renamed = await app.inject({
      method: 'PUT',
      url: url('networkmaps', 'fixed'),
      payload: { ...created, metadata: { ...created.metadata, name: 'other' } },
    });
    assert.equal(renamed.statusCode, 400);
    assert.match(renamed.json().message, /metadata\.name/);
    const blind = await app.inject({
      method: 'PUT',
      url: url('networkmaps', 'fixed'),
      payload: networkMap('fixed'),
    });
    assert.equal(blind.statusCode, 400);
    assert.match(blind.json().message, /resourceVersion/);
  });

  test('DELETE removes the map with 204, and a second time answers 404', async () => {
    await create('storagemaps', storageMap('doomed'));
    const deleted = await app.inject({ method: 'DELETE', url: url('storagemaps', 'doomed') });
    assert.equal(deleted.statusCode, 204, deleted.body);
    const gone = await app.inject({ method: 'DELETE', url: url('storagemaps', 'doomed') });
    assert.equal(gone.statusCode, 404);
  });

  test('a map owned by an archived, running or completed plan cannot be changed (409)', async () => {
    const condition = (type: string) => ({
      type,
      status: 'True',
      category: 'Advisory',
      lastTransitionTime: new Date().toISOString(),
    });
    const archived = await ownedByPlan('of-archived', 'archived-plan', {
      spec: { archived: true } as Plan['spec'],
    });
    const running = await ownedByPlan('of-running', 'running-plan', {
      status: { conditions: [condition('Executing')] },
    });
    await ownedByPlan('of-completed', 'completed-plan', {
      status: { conditions: [condition('Succeeded')] },
    });

    const put = await app.inject({
      method: 'PUT',
      url: url('networkmaps', 'of-archived'),
      payload: archived,
    });
    assert.equal(put.statusCode, 409);
    assert.match(put.json().message, /^Owning plan is archived/);
    const putRunning = await app.inject({
      method: 'PUT',
      url: url('networkmaps', 'of-running'),
      payload: running,
    });
    assert.match(putRunning.json().message, /currently migrating/);
    const del = await app.inject({ method: 'DELETE', url: url('networkmaps', 'of-completed') });
    assert.equal(del.statusCode, 409);
    assert.match(del.json().message, /has completed.*completed-plan/);
    assert.ok(await readNetworkMap('of-completed'));

    const copy = await app.inject({
      method: 'POST',
      url: url('networkmaps'),
      payload: { ...archived, metadata: { ...archived.metadata, name: 'another' } },
    });
    assert.equal(copy.statusCode, 409);
  });

  test('a map owned by a plan that is ready can be edited and deleted', async () => {
    await ownedByPlan('of-ready', 'ready-plan', {});
    const deleted = await app.inject({ method: 'DELETE', url: url('networkmaps', 'of-ready') });
    assert.equal(deleted.statusCode, 204, deleted.body);
  });

  test('a user without rights is refused by RBAC with 403', async () => {
    const response = await app.inject({
      method: 'POST',
      url: url('networkmaps'),
      payload: networkMap('not-allowed'),
      headers: bearer('nobody-token'),
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().message, /nobody/);
    await create('networkmaps', networkMap('kept'));
    const del = await app.inject({
      method: 'DELETE',
      url: url('networkmaps', 'kept'),
      headers: bearer('nobody-token'),
    });
    assert.equal(del.statusCode, 403);
  });
});
