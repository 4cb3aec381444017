// The vSphere inventory VM's reading decisions that vcsim's simple VMs do not reach: disks in
// VMware's bus order, a snapshot's delta named by its base disk, suspended VMs, sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseVolume, vspherePowerState, vsphereSourceVm } from './vsphere-vm.ts';

const disk = (bus: string, controllerKey: number, unitNumber: number, key: number) => ({
  key,
  unitNumber,
  controllerKey,
  bus,
  file: `[ds] vm/${bus}-${controllerKey}-${unitNumber}.vmdk`,
  datastore: { kind: 'Datastore', id: 'datastore-1' },
  capacity: 1024,
});

test('disks come in VMware order: SATA, NVMe, IDE, SCSI, then controller, unit and key', () => {
  const vm = vsphereSourceVm({
    id: 'vm-1',
    disks: [
      disk('scsi', 1001, 0, 2001),
      disk('scsi', 1000, 1, 2002),
      disk('ide', 200, 0, 3000),
      disk('scsi', 1000, 0, 2000),
      disk('nvme', 31000, 0, 4000),
      disk('sata', 15000, 0, 5000),
    ],
  });
  assert.deepEqual(
    vm.disks.map((entry) => entry.source),
    [
      '[ds] vm/sata-15000-0.vmdk',
      '[ds] vm/nvme-31000-0.vmdk',
      '[ds] vm/ide-200-0.vmdk',
      '[ds] vm/scsi-1000-0.vmdk',
      '[ds] vm/scsi-1000-1.vmdk',
      '[ds] vm/scsi-1001-0.vmdk',
    ],
  );
});

test("a disk running on a snapshot's delta is named by its base disk", () => {
  assert.equal(baseVolume('[ds] web/web-000002.vmdk'), '[ds] web/web.vmdk');
  assert.equal(baseVolume('[ds] web/web_1.vmdk'), '[ds] web/web_1.vmdk');
});

test('poweredOn is On, poweredOff is Off, suspended (or nothing) is Unknown, as in Forklift', () => {
  assert.equal(vspherePowerState('poweredOn'), 'On');
  assert.equal(vspherePowerState('poweredOff'), 'Off');
  assert.equal(vspherePowerState('suspended'), 'Unknown');
  assert.equal(vspherePowerState(''), 'Unknown');
});

test('sockets are the CPUs over the cores per socket; MACs lower-case; EFI with Secure Boot', () => {
  const vm = vsphereSourceVm({
    id: 'vm-2',
    cpuCount: 8,
    coresPerSocket: 4,
    firmware: 'efi',
    secureBoot: true,
    nics: [
      {
        network: { kind: 'Network', id: 'network-7' },
        mac: '00:50:56:AB:CD:EF',
        pciAddress: '0000:03:00.0',
        startConnected: false,
      },
    ],
  });
  assert.deepEqual(vm.cpu, { sockets: 2, cores: 4 });
  assert.equal(vm.firmware, 'efi');
  assert.equal(vm.secureBoot, true);
  assert.deepEqual(vm.nics, [
    {
      network: 'network-7',
      mac: '00:50:56:ab:cd:ef',
      startConnected: false,
      pciAddress: '0000:03:00.0',
    },
  ]);
  // vSphere leaves coresPerSocket at 0 on old VMs: one core per socket.
  assert.deepEqual(vsphereSourceVm({ id: 'vm-3', cpuCount: 3, coresPerSocket: 0 }).cpu, {
    sockets: 3,
    cores: 1,
  });
});
