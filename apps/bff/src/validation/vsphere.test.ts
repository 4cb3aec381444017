// Each vSphere rule at the edge where it starts or stops firing (reference inventory.md §4.1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateVsphereWorkload, type VsphereWorkload } from './vsphere.ts';

const MIB = 1024 * 1024;

type Disk = NonNullable<VsphereWorkload['disks']>[number];

const disk = (overrides: Partial<Disk> = {}): Disk => ({
  key: 2000,
  unitNumber: 0,
  controllerKey: 1000,
  file: '[ds1] web-01/web-01.vmdk',
  datastore: { kind: 'Datastore', id: 'datastore-1' },
  capacity: 10 * 1024 * MIB,
  shared: false,
  rdm: false,
  bus: 'scsi',
  mode: 'persistent',
  changeTrackingEnabled: true,
  ...overrides,
});

/** A VM no rule objects to; each test changes what its rule reads. */
const cleanVm = (overrides: Partial<VsphereWorkload> = {}): VsphereWorkload => ({
  id: 'vm-42',
  name: 'web-01',
  changeTrackingEnabled: true,
  consolidationNeeded: false,
  cpuAffinity: [],
  cpuHotAddEnabled: false,
  cpuHotRemoveEnabled: false,
  memoryHotAddEnabled: false,
  faultToleranceEnabled: false,
  tpmEnabled: false,
  diskEnableUuid: false,
  numaNodeAffinity: [],
  guestId: 'rhel9_64Guest',
  guestName: 'Red Hat Enterprise Linux 9 (64-bit)',
  guestNameFromVmwareTools: 'Red Hat Enterprise Linux 9.4 (64-bit)',
  hostName: 'web-01.example.com',
  snapshot: { kind: '', id: '' },
  disks: [disk()],
  devices: [{ kind: 'VirtualVmxnet3' }],
  guestDisks: [{ key: 2000, diskPath: '/', freeSpace: 5 * 1024 * MIB }],
  guestNetworks: [{ ip: '10.0.0.5', mac: '00:50:56:aa:bb:cc' }],
  host: { cluster: { drsEnabled: false } },
  ...overrides,
});

const concernsOf = (overrides: Partial<VsphereWorkload>) =>
  validateVsphereWorkload(cleanVm(overrides));

const idsOf = (overrides: Partial<VsphereWorkload>) => concernsOf(overrides).map(({ id }) => id);

const assertFires = (id: string, overrides: Partial<VsphereWorkload>) =>
  assert.ok(idsOf(overrides).includes(id), `${id} should fire`);

const assertQuiet = (id: string, overrides: Partial<VsphereWorkload>) =>
  assert.ok(!idsOf(overrides).includes(id), `${id} should not fire`);

const only = (id: string, overrides: Partial<VsphereWorkload>) =>
  concernsOf(overrides).filter((concern) => concern.id === id);

test('a VM that meets every rule has no concerns', () => {
  assert.deepEqual(validateVsphereWorkload(cleanVm()), []);
});

test('CBT disabled on the VM is a warning; enabled or unknown is not', () => {
  const [concern] = only('vmware.changed_block_tracking.disabled', {
    changeTrackingEnabled: false,
  });
  assert.equal(concern?.category, 'Warning');
  assert.equal(concern?.label, 'Changed Block Tracking (CBT) not enabled');
  assertQuiet('vmware.changed_block_tracking.disabled', { changeTrackingEnabled: undefined });
});

test('each disk without CBT is named by bus, controller index (key % 100) and unit', () => {
  const concerns = only('vmware.changed_block_tracking.disk.disabled', {
    disks: [
      disk({ controllerKey: 1001, unitNumber: 2, changeTrackingEnabled: false }),
      disk({ bus: 'ide', controllerKey: 201, unitNumber: 0, changeTrackingEnabled: false }),
      disk({ bus: 'sata', controllerKey: 15000, unitNumber: 3, changeTrackingEnabled: false }),
      disk({ controllerKey: 1000, unitNumber: 1, changeTrackingEnabled: true }),
      disk({ controllerKey: 1000, unitNumber: 4, changeTrackingEnabled: undefined }),
    ],
  });
  assert.deepEqual(
    concerns.map(({ label }) => label),
    [
      'Disk - ide1:0 does not have CBT enabled',
      'Disk - sata0:3 does not have CBT enabled',
      'Disk - scsi1:2 does not have CBT enabled',
    ],
  );
  assert.ok(concerns.every(({ category }) => category === 'Warning'));
});

test('snapshot consolidation is a warning only when vSphere asks for it', () => {
  assertFires('vmware.consolidation_needed', { consolidationNeeded: true });
  assertQuiet('vmware.consolidation_needed', { consolidationNeeded: false });
});

test('CPU affinity fires for a non-empty affinity set only', () => {
  assertFires('vmware.cpu_affinity.detected', { cpuAffinity: [0] });
  assertQuiet('vmware.cpu_affinity.detected', { cpuAffinity: [] });
  assertQuiet('vmware.cpu_affinity.detected', { cpuAffinity: undefined });
});

test('any of CPU hot add, CPU hot remove or memory hot add is hotplug', () => {
  for (const field of ['cpuHotAddEnabled', 'cpuHotRemoveEnabled', 'memoryHotAddEnabled']) {
    assertFires('vmware.cpu_memory.hotplug.enabled', { [field]: true });
  }
});

test('a disk with an empty datastore id is critical; a disk without a datastore field is not judged', () => {
  const [concern] = only('vmware.datastore.missing', {
    disks: [disk(), disk({ datastore: { kind: 'Datastore', id: '' } })],
  });
  assert.equal(concern?.category, 'Critical');
  assertQuiet('vmware.datastore.missing', { disks: [disk({ datastore: undefined })] });
});

test('165 disks are allowed, 166 are a warning that names the count', () => {
  const disks = (count: number) =>
    Array.from({ length: count }, (_, unit) => disk({ key: 2000 + unit, unitNumber: unit }));
  assertQuiet('vmware.disk.count.exceeds.limit', { disks: disks(165) });
  const [concern] = only('vmware.disk.count.exceeds.limit', { disks: disks(166) });
  assert.equal(concern?.label, 'VM has 166 disks, which exceeds the limit of 165');
  assert.match(concern?.assessment ?? '', /has 166 disks .* maximum of 165 disks per VM/);
});

test('independent disks are a warning, persistent ones are not', () => {
  assertFires('vmware.disk_mode.independent', {
    disks: [disk({ mode: 'independent_persistent' })],
  });
  assertFires('vmware.disk_mode.independent', {
    disks: [disk({ mode: 'independent_nonpersistent' })],
  });
  assertQuiet('vmware.disk_mode.independent', { disks: [disk({ mode: 'nonpersistent' })] });
});

test('disk.EnableUUID with a SCSI disk warns about truncated serials', () => {
  assertFires('vmware.disk_serial.truncated', { diskEnableUuid: true });
  assertQuiet('vmware.disk_serial.truncated', {
    diskEnableUuid: true,
    disks: [disk({ bus: 'sata' })],
  });
  assertQuiet('vmware.disk_serial.truncated', { diskEnableUuid: false });
});

test('a disk of zero bytes is critical and named; one byte is fine', () => {
  const [concern] = only('vmware.disk.capacity.invalid', {
    disks: [disk({ capacity: 0, file: '[ds1] web-01/data.vmdk' })],
  });
  assert.equal(concern?.category, 'Critical');
  assert.equal(concern?.label, "Disk '[ds1] web-01/data.vmdk' has an invalid capacity of 0 bytes");
  assertFires('vmware.disk.capacity.invalid', { disks: [disk({ capacity: -1 })] });
  assertQuiet('vmware.disk.capacity.invalid', { disks: [disk({ capacity: 1 })] });
});

test('DPM fires on a cluster that carries dpmEnabled, and stays inert on vSphere data without it', () => {
  assertFires('vmware.dpm.enabled', { host: { cluster: { dpmEnabled: true } } });
  assertQuiet('vmware.dpm.enabled', { host: { cluster: { dpmEnabled: false } } });
  assertQuiet('vmware.dpm.enabled', { host: { cluster: { drsEnabled: true } } });
});

test('a DRS-enabled cluster is information; no host or cluster means no DRS concern', () => {
  const [concern] = only('vmware.drs.enabled', { host: { cluster: { drsEnabled: true } } });
  assert.equal(concern?.category, 'Information');
  assertQuiet('vmware.drs.enabled', { host: { cluster: null } });
  assertQuiet('vmware.drs.enabled', { host: null });
});

test('fault tolerance is information', () => {
  assertFires('vmware.fault_tolerance.enabled', { faultToleranceEnabled: true });
  assertQuiet('vmware.fault_tolerance.enabled', { faultToleranceEnabled: false });
});

describe('guest filesystem free space', () => {
  const freeSpaceConcerns = (diskPath: string, freeSpace: number) =>
    only('vmware.guestDisks.freespace', { guestDisks: [{ key: 2000, diskPath, freeSpace }] });

  test('/ needs 100 MiB: exactly that is enough, a byte less is critical', () => {
    assert.deepEqual(freeSpaceConcerns('/', 100 * MIB), []);
    const [concern] = freeSpaceConcerns('/', 100 * MIB - 1);
    assert.equal(concern?.category, 'Critical');
    assert.equal(concern?.label, "Insufficient free space for conversion on '/'");
    assert.match(concern?.assessment ?? '', /'\/' has 99 MB of free space, .* at least 100 MB/);
  });

  test('/boot needs 50 MiB', () => {
    assert.deepEqual(freeSpaceConcerns('/boot', 50 * MIB), []);
    assert.equal(freeSpaceConcerns('/boot', 50 * MIB - 1).length, 1);
  });

  test('Windows C: needs 100 MiB however it is written', () => {
    for (const path of ['C:', 'c:\\', 'C:/']) {
      assert.deepEqual(freeSpaceConcerns(path, 100 * MIB), [], path);
      assert.equal(freeSpaceConcerns(path, 100 * MIB - 1).length, 1, path);
    }
  });

  test('any other filesystem needs 10 MiB', () => {
    assert.deepEqual(freeSpaceConcerns('/var', 10 * MIB), []);
    assert.equal(freeSpaceConcerns('/var', 10 * MIB - 1).length, 1);
    assert.equal(freeSpaceConcerns('D:\\', 10 * MIB - 1).length, 1);
  });

  test('a filesystem that reports no free space is not judged', () => {
    assertQuiet('vmware.guestDisks.freespace', { guestDisks: [{ key: 2000, diskPath: '/' }] });
  });
});

test('a Windows guest disk without a disk key mapping is information; Linux guests are not judged', () => {
  const windows = { guestId: 'windows2019srv_64Guest' };
  const concerns = only('vmware.guestDisks.key.not_found', {
    ...windows,
    guestDisks: [
      { key: 0, diskPath: 'C:\\', freeSpace: 5 * 1024 * MIB },
      { diskPath: 'E:\\', freeSpace: 5 * 1024 * MIB },
      { key: 2001, diskPath: 'D:\\', freeSpace: 5 * 1024 * MIB },
    ],
  });
  assert.deepEqual(
    concerns.map(({ label, category }) => [label, category]),
    [
      ["Missing disk key mapping for 'C:\\'", 'Information'],
      ["Missing disk key mapping for 'E:\\'", 'Information'],
    ],
  );
  assertQuiet('vmware.guestDisks.key.not_found', { guestDisks: [{ key: 0, diskPath: '/' }] });
});

test('host affinity fires when the cluster lists the VM, and stays inert without the field', () => {
  assertFires('vmware.host_affinity.detected', {
    host: { cluster: { hostAffinityVms: [{ kind: 'VM', id: 'vm-42' }] } },
  });
  assertQuiet('vmware.host_affinity.detected', {
    host: { cluster: { hostAffinityVms: [{ kind: 'VM', id: 'vm-7' }] } },
  });
  assertQuiet('vmware.host_affinity.detected', { host: { cluster: { drsEnabled: false } } });
});

test('an empty or default host name is a warning', () => {
  assertFires('vmware.hostname.empty', { hostName: '' });
  assertFires('vmware.hostname.default', { hostName: 'localhost.localdomain' });
  assertQuiet('vmware.hostname.empty', { hostName: undefined });
  assertQuiet('vmware.hostname.default', { hostName: 'localhost' });
});

test('an empty guest network list means missing IPs; an absent one is not judged', () => {
  assertFires('vmware.vm_missing_ip.detected', { guestNetworks: [] });
  assertQuiet('vmware.vm_missing_ip.detected', { guestNetworks: undefined });
});

test('the name rule allows 63 DNS characters, upper-case included, and rejects 64', () => {
  assertQuiet('vmware.vm.name.invalid', { name: 'a'.repeat(63) });
  assertQuiet('vmware.vm.name.invalid', { name: 'Web-01.Prod' });
  const [concern] = only('vmware.vm.name.invalid', { name: 'a'.repeat(64) });
  assert.equal(concern?.label, 'Invalid VM Name');
  assert.equal(concern?.category, 'Warning');
  for (const name of ['web_01', '-web', 'web-', 'web 01', 'wéb']) {
    assertFires('vmware.vm.name.invalid', { name });
  }
});

test('NUMA node affinity is a warning', () => {
  assertFires('vmware.numa_affinity.detected', { numaNodeAffinity: ['0', '1'] });
  assertQuiet('vmware.numa_affinity.detected', { numaNodeAffinity: [] });
});

test('a PCI passthrough device is critical', () => {
  const [concern] = only('vmware.passthrough_device.detected', {
    devices: [{ kind: 'VirtualVmxnet3' }, { kind: 'VirtualPCIPassthrough' }],
  });
  assert.equal(concern?.category, 'Critical');
  assertQuiet('vmware.passthrough_device.detected', {
    devices: [{ kind: 'VirtualSCSIPassthrough' }],
  });
});

test('an RDM disk is a warning', () => {
  assertFires('vmware.disk.rdm.detected', { disks: [disk(), disk({ rdm: true })] });
});

test('a shared disk is a warning', () => {
  assertFires('vmware.disk.shared.detected', { disks: [disk({ shared: true })] });
});

test('a current snapshot is information', () => {
  assertFires('vmware.snapshot.detected', {
    snapshot: { kind: 'VirtualMachineSnapshot', id: 'snapshot-3' },
  });
});

test('an SR-IOV adapter is a warning', () => {
  assertFires('vmware.device.sriov.detected', { devices: [{ kind: 'VirtualSriovEthernetCard' }] });
});

test('a TPM is a warning', () => {
  assertFires('vmware.tpm.detected', { tpmEnabled: true });
});

test('a USB controller is a warning', () => {
  assertFires('vmware.usb_controller.detected', { devices: [{ kind: 'VirtualUSBController' }] });
});

describe('unsupported operating system', () => {
  const os = (fields: Partial<VsphereWorkload>) => ({
    guestId: undefined,
    guestName: undefined,
    guestNameFromVmwareTools: undefined,
    ...fields,
  });

  test('supported guest ids pass, whatever their case', () => {
    for (const guestId of [
      'rhel9_64Guest',
      'rhel7guest',
      'windows2019srv_64Guest',
      'windows11_64Guest',
    ]) {
      assertQuiet('vmware.os.unsupported', os({ guestId }));
    }
  });

  test('an unsupported guest id is a warning', () => {
    const [concern] = only('vmware.os.unsupported', os({ guestId: 'ubuntu64Guest' }));
    assert.equal(concern?.category, 'Warning');
    assert.equal(concern?.label, 'Unsupported operating system detected');
    assertFires('vmware.os.unsupported', os({ guestId: 'rhel6_64Guest' }));
  });

  test('the name VMware Tools report can make the OS supported', () => {
    assertQuiet(
      'vmware.os.unsupported',
      os({ guestId: '', guestNameFromVmwareTools: 'Microsoft Windows Server 2019 (64-bit)' }),
    );
  });

  test('an empty guest id with no names is unsupported', () => {
    assertFires('vmware.os.unsupported', os({ guestId: '' }));
  });

  test('the configured name counts only when the tools report none', () => {
    const configured = 'Red Hat Enterprise Linux 8 (64-bit)';
    assertQuiet('vmware.os.unsupported', os({ guestName: configured }));
    assertQuiet(
      'vmware.os.unsupported',
      os({ guestName: configured, guestNameFromVmwareTools: '' }),
    );
    assertFires(
      'vmware.os.unsupported',
      os({ guestName: configured, guestNameFromVmwareTools: 'Ubuntu Linux (64-bit)' }),
    );
  });

  test('a VM that names no OS at all is not judged', () => {
    assertQuiet('vmware.os.unsupported', os({}));
    assertQuiet('vmware.os.unsupported', os({ guestNameFromVmwareTools: '' }));
  });
});

test('concerns come most severe first, then by id, and repeat findings collapse', () => {
  const concerns = concernsOf({
    faultToleranceEnabled: true,
    tpmEnabled: true,
    hostName: '',
    disks: [disk({ capacity: 0 })],
    guestDisks: [
      { key: 2000, diskPath: '/', freeSpace: MIB },
      { key: 2000, diskPath: '/', freeSpace: MIB },
    ],
  });
  assert.deepEqual(
    concerns.map(({ category, id }) => [category, id]),
    [
      ['Critical', 'vmware.disk.capacity.invalid'],
      ['Critical', 'vmware.guestDisks.freespace'],
      ['Warning', 'vmware.hostname.empty'],
      ['Warning', 'vmware.tpm.detected'],
      ['Information', 'vmware.fault_tolerance.enabled'],
    ],
  );
});

test('fields of an unexpected shape make their rules not apply instead of throwing', () => {
  const junk = {
    name: 'web-01',
    disks: 'none',
    devices: [null, 7],
    guestDisks: {},
    host: 'host-10',
    cpuAffinity: null,
  } as unknown as VsphereWorkload;
  assert.deepEqual(validateVsphereWorkload(junk), []);
});
