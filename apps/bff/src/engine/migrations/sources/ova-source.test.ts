// The OVA source adapter on sample packages in a share folder read by the real OVA inventory: the
// VM with its package's place in the share, and no power to drive.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { makeSampleOva, makeSampleOvf } from '../../../../../../scripts/sample-ova.ts';
import { createLogger } from '../../../logging.ts';
import { createOvaInventory } from '../../../inventory/ova/ova-inventory.ts';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import { sourceAdapterFor } from './index.ts';
import type { SourceAdapter } from './source-adapter.ts';

describe('OVA source adapter', { timeout: 60_000 }, () => {
  let share: string;
  let inventory: ProviderInventory;
  let adapter: SourceAdapter;

  before(async () => {
    share = await mkdtemp(path.join(os.tmpdir(), 'ova-source-'));
    await makeSampleOva({
      directory: path.join(share, 'exports'),
      name: 'web',
      cpus: 4,
      coresPerSocket: 2,
      memoryMiB: 1024,
      firmware: 'efi',
      secureBoot: true,
      osType: 'rhel8_64Guest',
      disks: [{ capacityMiB: 2 }, { capacityMiB: 1 }],
      nics: [{ network: 'VM Network', mac: '00:50:56:AA:BB:CC' }],
    });
    await makeSampleOvf({ directory: path.join(share, 'db-package'), name: 'db' });
    inventory = createOvaInventory({ providerUid: 'ova-uid', shareDir: share, minAgeMs: 0 });
    assert.equal(await inventory.waitForParity(10_000), true);
    adapter = sourceAdapterFor({
      provider: {
        metadata: { name: 'ova', namespace: 'konveyor-forklift', uid: 'ova-uid' },
        spec: { type: 'ova', url: 'nfs.example.com:/exports', secret: {} },
      },
      secret: undefined,
      inventory,
      kubeConfig: new KubeConfig(),
      logger: createLogger('silent'),
    });
  });

  after(async () => {
    await adapter?.close();
    await inventory?.stop();
    await rm(share, { recursive: true, force: true });
  });

  test('reads the VM of an .ova file, its disks keyed by disk id and NICs by network id', () => {
    const vm = adapter.readVm({ name: 'web' });
    assert.ok(vm);
    assert.equal(adapter.readVm({ id: vm.id })?.name, 'web');
    assert.equal(vm.providerType, 'ova');
    assert.equal(vm.ovaPath, path.join('exports', 'web.ova'));
    assert.equal(vm.powerState, 'Off');
    assert.equal(vm.firmware, 'efi');
    assert.equal(vm.secureBoot, true);
    assert.deepEqual(vm.cpu, { sockets: 2, cores: 2 });
    assert.equal(vm.memoryMiB, 1024);
    assert.equal(vm.guestOs, 'rhel8_64Guest');

    const full = inventory.get('vms', vm.id) as {
      disks: { ID: string; Name: string }[];
      networks: { ID: string; Name: string }[];
    };
    assert.deepEqual(
      vm.disks,
      full.disks.map((disk, index) => ({
        source: disk.Name,
        capacityBytes: (index === 0 ? 2 : 1) * 2 ** 20,
        storage: disk.ID,
      })),
    );
    assert.match(vm.disks[0]!.source, /\.vmdk$/);
    assert.deepEqual(vm.nics, [{ network: full.networks[0]!.ID, mac: '00:50:56:aa:bb:cc' }]);
  });

  test('an extracted .ovf package is found by its folder', () => {
    assert.equal(adapter.readVm({ name: 'db' })?.ovaPath, 'db-package');
  });

  test('an OVA has no power: always off, and asking is a no-op', async () => {
    const vm = adapter.readVm({ name: 'web' })!;
    assert.equal(await adapter.powerState(vm), 'Off');
    await adapter.powerOff(vm);
    await adapter.powerOn(vm);
    assert.equal(await adapter.powerState(vm), 'Off');
  });
});
