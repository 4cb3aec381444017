// The inventory REST API over an OVA share, as the console reads it: real sample OVAs (qemu-img
// disks) in a temporary folder, the OVA inventory scanning it, and Provider CRs in the embedded
// Kubernetes API, which also decides who may see what.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel, type Provider } from '@forklift-console/api';
import { makeSampleOva, makeSampleOvf } from '../../../../scripts/sample-ova.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import {
  bearer,
  grantRole,
  PROVIDER_READER,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { createInventoryRegistry, type InventoryRegistry } from './registry.ts';
import { createOvaInventory } from './ova/ova-inventory.ts';
import { inventoryRoutes } from './routes.ts';
import { actAsBearerOrAdministrator } from '../test-support/caller.ts';

const PROVIDER_KEYS = ['uid', 'version', 'namespace', 'name', 'selfLink', 'id'];
// Forklift's OVA Resource: no revision, and the path is the id.
const RESOURCE_KEYS = ['id', 'name', 'selfLink', 'path'];
const VM1_KEYS = [...RESOURCE_KEYS, 'revisionValidated', 'disks', 'concerns', 'networks'];
const DISK_KEYS = [
  ...RESOURCE_KEYS,
  'FilePath',
  'Capacity',
  'CapacityAllocationUnits',
  'DiskId',
  'FileRef',
  'Format',
  'PopulatedSize',
];
/** A VirtualSystem id that is a UUID is the VM's id (reference inventory.md §3.4). */
const WEB_ID = '4a9c1f0e-3b1d-4c2e-9f7a-0123456789ab';
const HASH_ID = /^[0-9a-f]{36}$/;

type Item = Record<string, unknown> & { id: string; name: string };

const sortedKeys = (object: object) => Object.keys(object).sort();

describe('inventory REST API of an OVA provider', { timeout: 120_000 }, () => {
  let api: TestApi;
  let inventories: InventoryRegistry;
  let app: FastifyInstance;
  /** Provider uids by name. */
  const uids: Record<string, string> = {};

  const get = (url: string, token?: string) =>
    app.inject({ url: `/api/v1/inventory${url}`, headers: bearer(token) });
  const ova = (rest: string, token?: string) => get(`/providers/ova/${uids.ova}${rest}`, token);
  const list = async (rest: string): Promise<Item[]> => {
    const response = await ova(rest);
    assert.equal(response.statusCode, 200, rest);
    return response.json();
  };
  const byName = (items: Item[], name: string) => items.find((item) => item.name === name)!;

  before(async () => {
    api = await startTestApi('bff-ova-routes-', {
      tokens: [
        { token: 'viewer-token', user: 'viewer' },
        { token: 'nobody-token', user: 'nobody' },
      ],
    });
    const share = path.join(api.dataDir, 'share');
    await makeSampleOva({
      directory: share,
      name: 'web-01',
      virtualSystemId: WEB_ID,
      disks: [{ capacityMiB: 1 }],
      nics: [{ network: 'VM Network' }],
    });
    await makeSampleOva({
      directory: share,
      name: 'Db Server',
      disks: [{ capacityMiB: 1 }, { capacityMiB: 2 }],
      nics: [{ network: 'VM Network' }, { network: 'Backup Net' }],
    });
    await makeSampleOvf({
      directory: path.join(share, 'app'),
      name: 'app-01',
      disks: [{ capacityMiB: 1 }],
    });

    const { kubeConfig } = api.connection;
    const custom = kubeConfig.makeApiClient(CustomObjectsApi);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    for (const name of ['mtv', 'other'])
      await core.createNamespace({ body: { metadata: { name } } });
    const provider = async (name: string, namespace: string) => {
      const created = (await custom.createNamespacedCustomObject({
        ...ProviderModel,
        namespace,
        body: {
          apiVersion: FORKLIFT_API_VERSION,
          kind: ProviderModel.kind,
          metadata: { name, namespace },
          spec: { type: 'ova', url: `nfs.example.com:/${name}`, secret: {} },
        },
      })) as Provider;
      uids[name] = created.metadata!.uid!;
    };
    await provider('ova', 'mtv');
    await provider('idle', 'mtv');
    await provider('missing', 'other');

    inventories = createInventoryRegistry();
    // minAgeMs 0: the samples were just written, and are whole.
    const ovaInventory = await inventories.ensure(uids.ova!, 'key', () =>
      createOvaInventory({ providerUid: uids.ova!, shareDir: share, minAgeMs: 0 }),
    );
    await inventories.ensure(uids.missing!, 'key', () =>
      createOvaInventory({ providerUid: uids.missing!, shareDir: path.join(api.dataDir, 'none') }),
    );
    assert.equal(await ovaInventory.waitForParity(30_000), true);

    await grantRole(kubeConfig, { ...PROVIDER_READER, user: 'viewer', namespace: 'mtv' });

    app = Fastify();

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
    await api?.close();
  });

  describe('providers', () => {
    test('GET /providers/ova lists every OVA provider by name', async () => {
      const response = await get('/providers/ova');
      assert.equal(response.statusCode, 200);
      const providers = response.json() as Item[];
      assert.deepEqual(providers.map(({ name }) => name).sort(), ['idle', 'missing', 'ova']);
      const listed = byName(providers, 'ova');
      assert.deepEqual(Object.keys(listed), PROVIDER_KEYS);
      assert.equal(listed.id, uids.ova);
      assert.equal(listed.namespace, 'mtv');
      assert.equal(listed.selfLink, `providers/ova/${uids.ova}`);
      assert.deepEqual(
        (await get('/providers/ova?namespace=other')).json().map(({ name }: Item) => name),
        ['missing'],
      );
    });

    test('GET /providers?detail=1 carries the OVA providers with their counts', async () => {
      const body = (await get('/providers?detail=1')).json();
      assert.deepEqual(body.vsphere, []);
      const listed = byName(body.ova, 'ova');
      assert.equal(listed.type, 'ova');
      assert.equal((listed.object as Provider).spec?.url, 'nfs.example.com:/ova');
      assert.equal(listed.apiVersion, '');
      assert.equal(listed.product, '');
      assert.equal(listed.vmCount, 3);
      assert.equal(listed.networkCount, 2);
      assert.equal(listed.diskCount, 4);
      assert.equal(listed.storageCount, 4);
      assert.equal(byName(body.ova, 'idle').vmCount, undefined, 'no inventory, no counts');
    });

    test('one OVA provider is served in full, with or without detail', async () => {
      for (const suffix of ['', '?detail=1']) {
        const response = await get(`/providers/ova/${uids.ova}${suffix}`);
        assert.equal(response.statusCode, 200, suffix);
        const body = response.json();
        assert.equal(body.name, 'ova', suffix);
        assert.equal(body.object.kind, 'Provider', suffix);
        assert.deepEqual(
          [body.vmCount, body.networkCount, body.diskCount, body.storageCount],
          [3, 2, 4, 4],
          suffix,
        );
      }
      assert.equal((await get(`/providers/vsphere/${uids.ova}`)).statusCode, 404);
    });
  });

  describe('collections', () => {
    test('VMs at detail 0 are Resources with stable ids, in the order of the scan', async () => {
      for (const suffix of ['/vms', '/vms/', '/vms?detail=0']) {
        const vms = await list(suffix);
        assert.deepEqual(
          vms.map(({ name }) => name),
          ['Db Server', 'web-01', 'app-01'],
          'OVAs before OVFs, each in file order',
        );
        for (const vm of vms) {
          assert.deepEqual(Object.keys(vm), RESOURCE_KEYS, suffix);
          assert.equal(vm.selfLink, `providers/ova/${uids.ova}/vms/${vm.id}`);
          assert.equal(vm.path, vm.id);
        }
        assert.equal(byName(vms, 'web-01').id, WEB_ID);
        assert.match(byName(vms, 'Db Server').id, HASH_ID);
      }
      const first = (await list('/vms')).map(({ id }) => id);
      assert.deepEqual(
        (await list('/vms?detail=all')).map(({ id }) => id),
        first,
      );
    });

    test('VMs at detail 1 add disks and concerns; networks stay null as in Forklift', async () => {
      const vms = await list('/vms?detail=1');
      for (const vm of vms) {
        assert.deepEqual(sortedKeys(vm), [...VM1_KEYS].sort(), vm.name);
        assert.equal(vm.networks, null, vm.name);
        assert.equal(vm.revisionValidated, 1);
      }
      const db = byName(vms, 'Db Server');
      assert.deepEqual(
        (db.disks as Item[]).map((disk) => [disk.Name, disk.Capacity]),
        [
          ['Db Server-disk1.vmdk', 1024 ** 2],
          ['Db Server-disk2.vmdk', 2 * 1024 ** 2],
        ],
      );
      const concerns = db.concerns as Record<string, string>[];
      assert.deepEqual(
        concerns.map(({ id, category, label }) => ({ id, category, label })),
        [{ id: 'ova.name.invalid', category: 'Warning', label: 'Invalid VM Name' }],
      );
      assert.match(concerns[0]!.assessment!, /DNS subdomain/);
      assert.deepEqual(byName(vms, 'web-01').concerns, []);
    });

    test('full VMs: camelCase fields, PascalCase nested objects that match the collections', async () => {
      const vms = await list('/vms?detail=2');
      assert.deepEqual(await list('/vms?detail=all'), vms);
      const db = byName(vms, 'Db Server');
      assert.equal(db.uuid, db.id);
      assert.equal(db.exportSource, 'VMware');
      assert.equal(db.ovfPath, path.join(api.dataDir, 'share', 'Db Server.ova'));
      assert.equal(db.memoryMB, 1024);
      assert.equal(db.memoryUnits, 'byte * 2^20');
      assert.deepEqual(
        (db.nics as Record<string, unknown>[]).map((nic) => [nic.Name, nic.Network]),
        [
          ['Network adapter 1', 'VM Network'],
          ['Network adapter 2', 'Backup Net'],
        ],
      );
      assert.ok((db.devices as Record<string, unknown>[]).every(({ Kind }) => Kind));
      // The console finds the networks and storages a plan uses by these IDs.
      const networks = await list('/networks');
      assert.deepEqual(
        (db.networks as Item[]).map(({ ID, Name }) => [ID, Name]),
        [
          [byName(networks, 'VM Network').id, 'VM Network'],
          [byName(networks, 'Backup Net').id, 'Backup Net'],
        ],
      );
      const storages = await list('/storages');
      for (const disk of db.disks as Item[]) {
        assert.equal(byName(storages, disk.Name as string).id, disk.ID);
      }
    });

    test('one VM by id is the full VM; an unknown id is a plain 404', async () => {
      const response = await ova(`/vms/${WEB_ID}`);
      assert.equal(response.statusCode, 200);
      const vm = response.json();
      assert.deepEqual(vm, byName(await list('/vms?detail=2'), 'web-01'));
      assert.equal(vm.name, 'web-01');
      assert.equal(vm.selfLink, `providers/ova/${uids.ova}/vms/${WEB_ID}`);
      const missing = await ova('/vms/00000000-0000-0000-0000-000000000000');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.headers['x-reason'], undefined);
      assert.ok(missing.json().message);
    });

    test('networks: one per name across all files, Description from detail 1', async () => {
      const networks = await list('/networks');
      assert.deepEqual(networks.map(({ name }) => name).sort(), ['Backup Net', 'VM Network']);
      for (const network of networks) {
        assert.deepEqual(Object.keys(network), RESOURCE_KEYS);
        assert.match(network.id, HASH_ID);
        assert.equal(network.selfLink, `providers/ova/${uids.ova}/networks/${network.id}`);
      }
      const detailed = byName(await list('/networks?detail=1'), 'Backup Net');
      assert.deepEqual(sortedKeys(detailed), [...RESOURCE_KEYS, 'Description'].sort());
      assert.deepEqual((await ova(`/networks/${detailed.id}`)).json(), detailed);
    });

    test('disks and storages: one per disk file, storages as Resources only', async () => {
      const disks = await list('/disks?detail=1');
      assert.deepEqual(disks.map(({ name }) => name).sort(), [
        'Db Server-disk1.vmdk',
        'Db Server-disk2.vmdk',
        'app-01-disk1.vmdk',
        'web-01-disk1.vmdk',
      ]);
      for (const disk of disks) assert.deepEqual(sortedKeys(disk), [...DISK_KEYS].sort());
      const app01 = byName(disks, 'app-01-disk1.vmdk');
      // An OVF's disks are files beside it: FilePath is its folder, with a trailing slash.
      assert.equal(app01.FilePath, `${path.join(api.dataDir, 'share', 'app')}/`);
      assert.equal(app01.Capacity, 1024 ** 2);
      assert.deepEqual((await ova(`/disks/${app01.id}`)).json(), app01);
      for (const disk of await list('/disks')) assert.deepEqual(Object.keys(disk), RESOURCE_KEYS);

      const storages = await list('/storages?detail=1');
      assert.deepEqual(
        storages.map(({ id, name }) => [id, name]).sort(),
        disks.map(({ id, name }) => [id, name]).sort(),
      );
      for (const storage of storages) {
        assert.deepEqual(Object.keys(storage), RESOURCE_KEYS);
        assert.equal(storage.selfLink, `providers/ova/${uids.ova}/storages/${storage.id}`);
      }
    });

    test('name, limit and offset narrow a list', async () => {
      assert.deepEqual(
        (await list('/vms?name=web-01')).map(({ id }) => id),
        [WEB_ID],
      );
      assert.deepEqual(
        (await list(`/vms?name=${encodeURIComponent('Db Server')}&detail=1`)).map(
          ({ name }) => name,
        ),
        ['Db Server'],
      );
      assert.deepEqual(await list('/vms?name=web-02'), []);
      assert.deepEqual(
        (await list(`/networks?name=${encodeURIComponent('Backup Net')}`)).map(({ name }) => name),
        ['Backup Net'],
      );
      assert.deepEqual(
        (await list('/storages?name=web-01-disk1.vmdk')).map(({ name }) => name),
        ['web-01-disk1.vmdk'],
      );
      const all = await list('/vms');
      assert.deepEqual(await list('/vms?offset=1&limit=1'), all.slice(1, 2));
    });

    test('a query narrows a list on the server; a malformed one is a 400 that says where', async () => {
      const query = (text: string) => list(`/vms?detail=1&query=${encodeURIComponent(text)}`);
      assert.deepEqual(
        (await query("name like 'web%'")).map(({ id }) => id),
        [WEB_ID],
      );
      assert.deepEqual(
        (await query("name ilike 'db%' or name = 'web-01'")).map(({ name }) => name).sort(),
        ['Db Server', 'web-01'],
      );
      assert.deepEqual(await query("name = 'nothing'"), []);
      const malformed = await ova(`/vms?query=${encodeURIComponent("name = 'web")}`);
      assert.equal(malformed.statusCode, 400);
      assert.match(
        malformed.json().message,
        /^querystring\/query: .*no closing ' \(at character 8\)$/,
      );
    });

    test('what OVA does not have is a plain 404', async () => {
      for (const missing of [
        '/hosts',
        '/datastores/',
        `/hosts/${WEB_ID}`,
        '/clusters?detail=1',
        '/tree/vm',
      ]) {
        const response = await ova(missing);
        assert.equal(response.statusCode, 404, missing);
        assert.equal(response.headers['x-reason'], undefined, missing);
        assert.ok(response.json().message, missing);
      }
    });

    test('no inventory is 404 ProviderNotFound; a share not there yet answers 206', async () => {
      for (const url of [
        `/providers/ova/${uids.idle}/vms`,
        `/providers/vsphere/${uids.ova}/vms`,
        `/providers/ova/00000000-0000-0000-0000-000000000000/vms`,
      ]) {
        const response = await get(url);
        assert.equal(response.statusCode, 404, url);
        assert.equal(response.headers['x-reason'], 'ProviderNotFound', url);
      }
      const loading = await get(`/providers/ova/${uids.missing}/vms`);
      assert.equal(loading.statusCode, 206);
      assert.equal(loading.body, '');
    });
  });

  describe('access', () => {
    test('a user without rights on providers sees no OVA inventory', async () => {
      assert.equal((await get('/providers/ova', 'nobody-token')).statusCode, 403);
      assert.equal((await ova('/vms', 'nobody-token')).statusCode, 403);
      assert.equal((await get(`/providers/ova/${uids.ova}`, 'nobody-token')).statusCode, 403);
    });

    test("a user who may read one namespace's providers reads their inventories only", async () => {
      const inMtv = await get('/providers/ova?namespace=mtv', 'viewer-token');
      assert.deepEqual(
        inMtv
          .json()
          .map(({ name }: Item) => name)
          .sort(),
        ['idle', 'ova'],
      );
      const vms = await ova('/vms', 'viewer-token');
      assert.equal(vms.statusCode, 200);
      assert.equal(vms.json().length, 3);
      const elsewhere = await get(`/providers/ova/${uids.missing}/vms`, 'viewer-token');
      assert.equal(elsewhere.statusCode, 403);
    });
  });
});
