// The inventory REST API as Forklift serves it, over a vcsim-backed inventory and Provider CRs in
// the embedded Kubernetes API, which also decides who may see what.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel, type Provider } from '@forklift-console/api';
import { startVcsim, type Vcsim } from '../../../../scripts/vcsim.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import {
  bearer,
  grantRole,
  PROVIDER_READER,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { createInventoryRegistry, type InventoryRegistry } from './registry.ts';
import { createVsphereInventory } from './vsphere/vsphere-inventory.ts';
import { INVENTORY_PROVIDER_TYPES } from './route-schemas.ts';
import { inventoryRoutes } from './routes.ts';
import { actAsBearerOrAdministrator } from '../test-support/caller.ts';

const PROVIDER_KEYS = ['uid', 'version', 'namespace', 'name', 'selfLink', 'id'];
const RESOURCE_KEYS = ['id', 'parent', 'path', 'revision', 'name', 'selfLink'];

describe('inventory REST API', { timeout: 180_000 }, () => {
  let api: TestApi;
  let vcsim: Vcsim;
  let inventories: InventoryRegistry;
  let app: FastifyInstance;
  /** Provider uids by name. */
  const uids: Record<string, string> = {};

  const get = (url: string, token?: string) =>
    app.inject({ url: `/api/v1/inventory${url}`, headers: bearer(token) });
  const vsphere = (rest: string) => get(`/providers/vsphere/${uids.vcenter}${rest}`);

  before(async () => {
    api = await startTestApi('bff-inventory-', {
      tokens: [
        { token: 'viewer-token', user: 'viewer' },
        { token: 'nobody-token', user: 'nobody' },
      ],
    });
    vcsim = await startVcsim({ vms: 2 });
    const { connection } = api;
    const { kubeConfig } = connection;
    const custom = kubeConfig.makeApiClient(CustomObjectsApi);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    for (const name of ['mtv', 'other'])
      await core.createNamespace({ body: { metadata: { name } } });
    const provider = async (name: string, namespace: string, type: string, url: string) => {
      const created = (await custom.createNamespacedCustomObject({
        group: ProviderModel.group,
        version: ProviderModel.version,
        plural: ProviderModel.plural,
        namespace,
        body: {
          apiVersion: FORKLIFT_API_VERSION,
          kind: ProviderModel.kind,
          metadata: { name, namespace },
          spec: { type, url, secret: { name: `${name}-secret`, namespace } },
        },
      })) as Provider;
      uids[name] = created.metadata!.uid!;
    };
    await provider('vcenter', 'mtv', 'vsphere', vcsim.sdkUrl);
    await provider('rhv', 'mtv', 'ovirt', 'https://rhv.example.com/ovirt-engine/api');
    // Nothing listens on port 1: this inventory never loads.
    await provider('unreachable', 'other', 'vsphere', 'http://127.0.0.1:1/sdk');

    inventories = createInventoryRegistry();
    const vcenter = await inventories.ensure(uids.vcenter!, 'key', () =>
      createVsphereInventory({
        providerUid: uids.vcenter!,
        sdkUrl: vcsim.sdkUrl,
        username: vcsim.username,
        password: vcsim.password,
        maxWaitSeconds: 1,
      }),
    );
    await inventories.ensure(uids.unreachable!, 'key', () =>
      createVsphereInventory({
        providerUid: uids.unreachable!,
        sdkUrl: 'http://127.0.0.1:1/sdk',
        username: 'u',
        password: 'p',
      }),
    );
    assert.equal(await vcenter.waitForParity(30_000), true);

    await grantRole(kubeConfig, { ...PROVIDER_READER, user: 'viewer', namespace: 'mtv' });

    app = Fastify();

    actAsBearerOrAdministrator(app);
    await app.register(inventoryRoutes, { connection, inventories, parityTimeoutMs: 300 });
  });

  after(async () => {
    await app?.close();
    await inventories?.stopAll();
    await vcsim?.stop();
    await api?.close();
  });

  describe('providers', () => {
    test('GET /providers answers every type, each provider named at detail 0', async () => {
      const response = await get('/providers');
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.deepEqual(Object.keys(body), INVENTORY_PROVIDER_TYPES);
      assert.equal(body.vsphere.length, 2);
      assert.equal(body.ovirt.length, 1);
      assert.deepEqual(body.openshift, []);
      const vcenter = body.vsphere.find((p: { name: string }) => p.name === 'vcenter');
      assert.deepEqual(Object.keys(vcenter), PROVIDER_KEYS);
      assert.equal(vcenter.id, uids.vcenter);
      assert.equal(vcenter.namespace, 'mtv');
      assert.equal(vcenter.selfLink, `providers/vsphere/${uids.vcenter}`);
      assert.match(vcenter.version, /^\d+$/);
    });

    test('detail 1 adds the type, the whole CR and the counts of a running inventory', async () => {
      const body = (await get('/providers?detail=1')).json();
      const vcenter = body.vsphere.find((p: { name: string }) => p.name === 'vcenter');
      assert.equal(vcenter.type, 'vsphere');
      assert.equal(vcenter.object.spec.url, vcsim.sdkUrl, 'the response schema keeps the CR');
      assert.equal(vcenter.vmCount, 4);
      assert.equal(vcenter.clusterCount, 2);
      assert.equal(vcenter.apiVersion, '6.5');
      const [rhv] = body.ovirt;
      assert.equal(rhv.type, 'ovirt');
      assert.equal(rhv.object.metadata.name, 'rhv');
      assert.equal(rhv.vmCount, undefined, 'no inventory, no counts');
    });

    test('lists by type, filtered by namespace and paged', async () => {
      const all = await get('/providers/vsphere');
      assert.equal(all.statusCode, 200);
      assert.equal(all.json().length, 2);
      assert.equal((await get('/providers/vsphere/')).json().length, 2, 'trailing slash');
      const other = (await get('/providers/vsphere?namespace=other')).json();
      assert.deepEqual(
        other.map((p: { name: string }) => p.name),
        ['unreachable'],
      );
      assert.equal((await get('/providers/vsphere?limit=1')).json().length, 1);
      assert.equal((await get('/providers/vsphere?offset=2')).json().length, 0);
    });

    test('one provider is served in full, under its own type only', async () => {
      const response = await get(`/providers/vsphere/${uids.vcenter}`);
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.equal(body.name, 'vcenter');
      assert.equal(body.hostCount, 3);
      assert.equal(body.object.kind, 'Provider');
      const wrongType = await get(`/providers/ovirt/${uids.vcenter}`);
      assert.equal(wrongType.statusCode, 404);
      assert.equal(wrongType.headers['x-reason'], undefined);
      const rhv = (await get(`/providers/ovirt/${uids.rhv}`)).json();
      assert.equal(rhv.name, 'rhv');
      assert.equal('vmCount' in rhv, false);
    });

    test('bad parameters are a 400 that names them', async () => {
      for (const [query, field] of [
        ['detail=full', 'detail'],
        ['detail=-1', 'detail'],
        ['limit=-1', 'limit'],
        ['limit=ten', 'limit'],
        ['offset=1.5', 'offset'],
      ]) {
        const response = await get(`/providers/vsphere?${query}`);
        assert.equal(response.statusCode, 400, query);
        assert.match(response.json().message, new RegExp(field!), query);
      }
      const badType = await get('/providers/nutanix');
      assert.equal(badType.statusCode, 400);
      assert.match(badType.json().message, /type/);
    });
  });

  describe('collections', () => {
    test('the VM list is a JSON array of full VMs, with or without a trailing slash', async () => {
      for (const suffix of ['/vms', '/vms/', '/vms?detail=0']) {
        const response = await vsphere(suffix);
        assert.equal(response.statusCode, 200, suffix);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        const vms = response.json();
        assert.equal(vms.length, 4, suffix);
        assert.ok('concerns' in vms[0] && 'disks' in vms[0] && 'uuid' in vms[0], suffix);
      }
    });

    test('other collections take detail: 0 is the Resource, all is everything', async () => {
      const brief = (await vsphere('/hosts')).json();
      assert.equal(brief.length, 3);
      for (const host of brief) assert.deepEqual(Object.keys(host), RESOURCE_KEYS);
      const full = (await vsphere('/hosts?detail=all')).json();
      assert.ok(full.every((host: { networkAdapters?: unknown[] }) => host.networkAdapters));
      assert.equal((await vsphere('/clusters?detail=1')).json().length, 1);
      assert.equal((await vsphere('/datacenters')).json()[0].name, 'DC0');
      assert.equal((await vsphere('/folders')).json().length, 4);
      assert.equal((await vsphere('/networks')).json().length, 4);
    });

    test('name, limit and offset narrow a list', async () => {
      const named = (await vsphere('/vms?name=DC0/vm/DC0_H0_VM0')).json();
      assert.deepEqual(
        named.map((vm: { name: string }) => vm.name),
        ['DC0_H0_VM0'],
      );
      assert.deepEqual((await vsphere('/vms?name=nested/DC0_H0_VM0')).json(), []);
      assert.equal((await vsphere('/hosts?name=DC0/DC0_H0')).json().length, 1);
      const all = (await vsphere('/vms')).json();
      const page = (await vsphere('/vms?offset=1&limit=2')).json();
      assert.deepEqual(page, all.slice(1, 3));
    });

    test('one object by ID is served in full; an unknown one is a plain 404', async () => {
      const [listed] = (await vsphere('/vms')).json();
      const response = await vsphere(`/vms/${listed.id}`);
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), listed);
      const [datastore] = (await vsphere('/datastores')).json();
      assert.match(datastore.id, /^datastore-\d+$/);
      assert.equal((await vsphere(`/datastores/${datastore.id}`)).json().type, 'OTHER');
      for (const missing of ['/vms/vm-0', '/nothing', '/nothing/x']) {
        const notFound = await vsphere(missing);
        assert.equal(notFound.statusCode, 404, missing);
        assert.equal(notFound.headers['x-reason'], undefined, missing);
        assert.ok(notFound.json().message, missing);
      }
    });

    test('trees: datacenter branches, VMs at the detail asked', async () => {
      const vmTree = (await vsphere('/tree/vm?detail=1')).json();
      assert.equal(vmTree.kind, '');
      assert.equal(vmTree.object, null);
      const [datacenter] = vmTree.children;
      assert.equal(datacenter.kind, 'Datacenter');
      assert.equal(datacenter.children.length, 4);
      assert.ok('concerns' in datacenter.children[0].object);
      const hostTree = (await vsphere('/tree/host')).json();
      assert.deepEqual(
        hostTree.children[0].children.map((node: { kind: string }) => node.kind),
        ['Cluster', 'Cluster'],
      );
      assert.equal((await vsphere('/tree/datastore')).statusCode, 404);
    });

    test('a provider without an inventory is a 404 with X-Reason ProviderNotFound', async () => {
      for (const url of [
        `/providers/vsphere/00000000-0000-0000-0000-000000000000/vms`,
        `/providers/ovirt/${uids.rhv}/vms`,
        `/providers/ovirt/${uids.vcenter}/vms`,
      ]) {
        const response = await get(url);
        assert.equal(response.statusCode, 404, url);
        assert.equal(response.headers['x-reason'], 'ProviderNotFound', url);
      }
    });

    test('an inventory still loading answers 206 with no body after the wait', async () => {
      const started = Date.now();
      const response = await get(`/providers/vsphere/${uids.unreachable}/vms`);
      assert.equal(response.statusCode, 206);
      assert.equal(response.body, '');
      assert.ok(Date.now() - started >= 300, 'it waited for parity first');
    });
  });

  describe('access', () => {
    test('a user without rights on providers is refused', async () => {
      const list = await get('/providers', 'nobody-token');
      assert.equal(list.statusCode, 403);
      assert.match(list.json().message, /nobody/);
      const vms = await get(`/providers/vsphere/${uids.vcenter}/vms`, 'nobody-token');
      assert.equal(vms.statusCode, 403);
      const one = await get(`/providers/vsphere/${uids.vcenter}`, 'nobody-token');
      assert.equal(one.statusCode, 403);
    });

    test("a user who may read one namespace's providers sees those only", async () => {
      assert.equal((await get('/providers', 'viewer-token')).statusCode, 403, 'not cluster-wide');
      const inMtv = await get('/providers?namespace=mtv', 'viewer-token');
      assert.equal(inMtv.statusCode, 200);
      assert.equal(inMtv.json().vsphere.length, 1);
      const vms = await get(`/providers/vsphere/${uids.vcenter}/vms`, 'viewer-token');
      assert.equal(vms.statusCode, 200);
      assert.equal(vms.json().length, 4);
      const elsewhere = await get(`/providers/vsphere/${uids.unreachable}/vms`, 'viewer-token');
      assert.equal(elsewhere.statusCode, 403);
    });

    test('an unknown token is a 401', async () => {
      assert.equal((await get('/providers', 'forged-token')).statusCode, 401);
    });
  });
});
