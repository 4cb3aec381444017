// The OVA inventory on real sample OVAs (qemu-img-made disks) in a temporary share folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeSampleOva, makeSampleOvf } from '../../../../../scripts/sample-ova.ts';
import { createOvaInventory } from './ova-inventory.ts';
import type { ProviderInventory } from '../provider-inventory.ts';

let root: string;
const started: ProviderInventory[] = [];
const start = (shareDir: string, minAgeMs = 0) => {
  const inventory = createOvaInventory({ providerUid: 'p1', shareDir, minAgeMs, rescanMs: 500 });
  started.push(inventory);
  return inventory;
};

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ova-inventory-'));
});
after(async () => {
  await Promise.all(started.map((inventory) => inventory.stop()));
  await rm(root, { recursive: true, force: true });
});

test('VMs, networks, disks and storages in Forklift’s shapes, with concerns', async () => {
  const share = path.join(root, 'shapes');
  await makeSampleOva({
    directory: share,
    name: 'Web 01',
    disks: [{ capacityMiB: 2 }],
    nics: [{ network: 'VM Network' }],
  });
  const inventory = start(share);
  assert.equal(await inventory.waitForParity(10_000), true);
  assert.deepEqual(inventory.summary(), {
    apiVersion: '',
    product: '',
    vmCount: 1,
    networkCount: 1,
    diskCount: 1,
    storageCount: 1,
    scanErrors: [],
  });
  const [resource] = inventory.list('vms', { detail: 0 }) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(resource!), ['id', 'name', 'selfLink', 'path']);
  assert.equal(resource!.selfLink, `providers/ova/p1/vms/${resource!.id}`);
  assert.equal(resource!.path, resource!.id);
  const [vm1] = inventory.list('vms', { detail: 1 }) as Record<string, unknown>[];
  assert.equal(vm1!.networks, null);
  assert.deepEqual(
    (vm1!.concerns as { id: string }[]).map(({ id }) => id),
    ['ova.name.invalid'],
  );
  const full = inventory.get('vms', resource!.id as string) as Record<string, unknown>;
  assert.ok(Object.isFrozen(full));
  assert.equal(full.exportSource, 'VMware');
  const [disk] = full.disks as Record<string, unknown>[];
  assert.equal(disk!.Capacity, 2 * 1024 * 1024);
  assert.equal(disk!.FilePath, path.join(share, 'Web 01.ova'));
  const [network] = inventory.list('networks', { detail: 1 }) as Record<string, unknown>[];
  assert.equal(network!.name, 'VM Network');
  assert.ok('Description' in network!);
  const [storage] = inventory.list('storages', { detail: 1 }) as Record<string, unknown>[];
  assert.equal(storage!.id, disk!.ID);
  assert.deepEqual(inventory.list('vms', { detail: 2, name: { name: 'nope' } }), []);
  assert.equal(inventory.list('hosts', { detail: 0 }), undefined);
});

test('an OVA added to the folder shows up and is announced', async () => {
  const share = path.join(root, 'added');
  await makeSampleOva({ directory: share, name: 'first' });
  const inventory = start(share);
  assert.equal(await inventory.waitForParity(10_000), true);
  const before = inventory.list('vms', { detail: 2 })!;
  const heard = new Promise<string[]>((resolve) => inventory.subscribe(resolve));
  await makeSampleOva({ directory: share, name: 'second' });
  assert.ok((await heard).includes('vms'));
  const names = (inventory.list('vms', { detail: 2 }) as { name: string }[]).map(
    ({ name }) => name,
  );
  assert.deepEqual(names.sort(), ['first', 'second']);
  // The unchanged VM keeps its frozen object, so cached JSON of it stays valid.
  assert.equal(inventory.get('vms', (before[0] as { id: string }).id), before[0]);
});

test('a folder with two .ovf files is an error the user can read; the rest still lists', async () => {
  const share = path.join(root, 'twice');
  await makeSampleOvf({ directory: path.join(share, 'pkg'), name: 'a' });
  await makeSampleOvf({ directory: path.join(share, 'pkg'), name: 'b' });
  await makeSampleOva({ directory: share, name: 'fine' });
  const inventory = start(share);
  assert.equal(await inventory.waitForParity(10_000), true);
  assert.equal(inventory.summary().vmCount, 1);
  const message = `The folder holds 2 .ovf files (a.ovf, b.ovf); a folder may hold only one`;
  assert.deepEqual(inventory.summary().scanErrors, [{ path: path.join(share, 'pkg'), message }]);
  assert.equal(inventory.lastError(), `${path.join(share, 'pkg')}: ${message}`);
});

test('a missing share folder has no parity and says so', async () => {
  const share = path.join(root, 'missing');
  const inventory = start(share);
  assert.equal(await inventory.waitForParity(300), false);
  assert.equal(inventory.lastError(), `The share folder ${share} does not exist`);
  await makeSampleOva({ directory: share, name: 'late' });
  assert.equal(await inventory.waitForParity(10_000), true);
  assert.equal(inventory.summary().vmCount, 1);
});

test('a new file waits until it cannot still be being copied, unless the BFF published it whole', async () => {
  const share = path.join(root, 'published');
  await makeSampleOva({ directory: share, name: 'copied' });
  const inventory = start(share, 60_000);
  assert.equal(await inventory.waitForParity(10_000), true);
  assert.equal(inventory.summary().vmCount, 0);
  const uploaded = await makeSampleOva({ directory: share, name: 'uploaded' });
  const heard = new Promise<string[]>((resolve) => inventory.subscribe(resolve));
  await inventory.fileAdded!(uploaded);
  assert.ok((await heard).includes('vms'));
  const names = (inventory.list('vms', { detail: 2 }) as { name: string }[]).map(
    ({ name }) => name,
  );
  assert.deepEqual(names, ['uploaded']);
});
