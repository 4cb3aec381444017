// The VM mapping on the vim25 shapes vcsim does not produce: RDM disks, CBT flags, guest info.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toVsphereVm, vmProperties } from './vm-model.ts';
import { datastoreId } from './values.ts';
import type { Resource } from './resource.ts';

const resource: Resource = {
  id: 'vm-7',
  parent: { kind: 'Folder', id: 'group-v3' },
  path: '/DC1/vm/web01',
  revision: 3,
  name: 'web01',
  selfLink: 'providers/vsphere/p/vms/vm-7',
};

const NFS_DATASTORE = '10.0.0.1:/vol/x';

const poweredOn = {
  name: 'web01',
  'config.uuid': '4213-aaaa',
  'config.instanceUuid': '5013-bbbb',
  'config.template': 'false',
  'config.changeTrackingEnabled': 'false',
  'config.cpuAffinity': { affinitySet: ['0', '2'] },
  'config.ftInfo': { _type: 'FaultToleranceSecondaryConfigInfo' },
  'config.extraConfig': {
    _type: 'ArrayOfOptionValue',
    OptionValue: [
      { _type: 'OptionValue', key: 'ctkEnabled', value: 'TRUE' },
      { _type: 'OptionValue', key: 'scsi0:1.ctkEnabled', value: 'true' },
      { _type: 'OptionValue', key: 'numa.nodeAffinity', value: '0, 1' },
      { _type: 'OptionValue', key: 'disk.EnableUUID', value: 'TRUE' },
    ],
  },
  'config.hardware.device': {
    _type: 'ArrayOfVirtualDevice',
    VirtualDevice: [
      { _type: 'ParaVirtualSCSIController', key: '1000', busNumber: '0' },
      {
        _type: 'VirtualDisk',
        key: '2000',
        controllerKey: '1000',
        unitNumber: '0',
        capacityInBytes: '1073741824',
        backing: {
          _type: 'VirtualDiskFlatVer2BackingInfo',
          fileName: '[ds1] web01/web01-000001.vmdk',
          datastore: { type: 'Datastore', value: 'datastore-1' },
          diskMode: 'persistent',
          uuid: '6000C29a',
          parent: { _type: 'VirtualDiskFlatVer2BackingInfo', fileName: '[ds1] web01/web01.vmdk' },
        },
      },
      {
        _type: 'VirtualDisk',
        key: '2001',
        controllerKey: '1000',
        unitNumber: '1',
        capacityInKB: '1024',
        backing: {
          _type: 'VirtualDiskRawDiskMappingVer1BackingInfo',
          fileName: '[ds2] web01/rdm.vmdk',
          datastore: { type: 'Datastore', value: NFS_DATASTORE },
          compatibilityMode: 'physicalMode',
          diskMode: 'independent_persistent',
          lunUuid: '0200000000',
          deviceName: '/vmfs/devices/disks/naa.600',
        },
      },
      {
        _type: 'VirtualVmxnet3',
        key: '4000',
        macAddress: '00:50:56:AA:BB:01',
        backing: {
          _type: 'VirtualEthernetCardNetworkBackingInfo',
          network: { type: 'Network', value: 'network-1' },
        },
        connectable: { startConnected: 'true' },
        slotInfo: { _type: 'VirtualDevicePciBusSlotInfo', pciSlotNumber: '192' },
      },
      {
        _type: 'VirtualE1000',
        key: '4001',
        macAddress: '00:50:56:AA:BB:02',
        backing: {
          _type: 'VirtualEthernetCardDistributedVirtualPortBackingInfo',
          port: { switchUuid: 'dvs-uuid', portgroupKey: 'dvportgroup-9' },
        },
        connectable: { startConnected: 'false' },
      },
      { _type: 'VirtualUSBController', key: '7000' },
      { _type: 'VirtualPCIPassthrough', key: '13000' },
      { _type: 'VirtualKeyboard', key: '600' },
    ],
  },
  'runtime.host': { type: 'HostSystem', value: 'host-1' },
  'runtime.powerState': 'poweredOn',
  'snapshot.currentSnapshot': { type: 'VirtualMachineSnapshot', value: 'snapshot-3' },
  'summary.guest.guestId': 'windows2019srv_64Guest',
  'guest.net': {
    _type: 'ArrayOfGuestNicInfo',
    GuestNicInfo: [
      {
        macAddress: '00:50:56:aa:bb:02',
        deviceConfigId: '4001',
        network: 'DPortGroup',
        ipConfig: {
          ipAddress: [
            { ipAddress: '10.0.0.5', prefixLength: '24', origin: 'dhcp' },
            { ipAddress: 'fe80::1', prefixLength: '64', origin: 'linklayer' },
          ],
        },
        dnsConfig: { ipAddress: '10.0.0.2' },
      },
      { macAddress: '00:50:56:aa:bb:01', deviceConfigId: '4000' },
    ],
  },
  'guest.disk': {
    _type: 'ArrayOfGuestDiskInfo',
    GuestDiskInfo: {
      diskPath: 'C:\\',
      capacity: '107374182400',
      freeSpace: '53687091200',
      filesystemType: 'NTFS',
      mappings: { key: '2000' },
    },
  },
  'guest.ipStack': {
    _type: 'ArrayOfGuestStackInfo',
    GuestStackInfo: {
      dnsConfig: { ipAddress: ['10.0.0.2', '10.0.0.3'] },
      ipRouteConfig: {
        ipRoute: [
          {
            network: '0.0.0.0',
            prefixLength: '0',
            gateway: { ipAddress: '10.0.0.1', device: '0' },
          },
          { network: '10.0.0.0', prefixLength: '24', gateway: { device: '0' } },
        ],
      },
    },
  },
};

const ref = { type: 'VirtualMachine', value: 'vm-7' };

test('disks carry datastore, capacity, bus, mode, RDM flags and per-disk CBT', () => {
  const vm = toVsphereVm({ ref, properties: poweredOn }, resource);
  const [flat, rdm] = vm.disks;
  assert.deepEqual(flat, {
    key: 2000,
    unitNumber: 0,
    controllerKey: 1000,
    file: '[ds1] web01/web01-000001.vmdk',
    datastore: { kind: 'Datastore', id: 'datastore-1' },
    capacity: 1073741824,
    shared: false,
    rdm: false,
    bus: 'scsi',
    mode: 'persistent',
    serial: '6000C29a',
    winDriveLetter: 'c',
    changeTrackingEnabled: false,
    parent: '[ds1] web01/web01.vmdk',
  });
  assert.equal(rdm!.rdm, true);
  assert.equal(rdm!.physicalMode, true);
  assert.equal(rdm!.mode, 'independent_persistent');
  assert.equal(rdm!.capacity, 1024 * 1024);
  assert.equal(rdm!.changeTrackingEnabled, true, 'scsi0:1.ctkEnabled');
  assert.deepEqual(rdm!.datastore, { kind: 'Datastore', id: datastoreId(NFS_DATASTORE) });
  assert.equal(rdm!.lunUuid, '0200000000');
  assert.equal(rdm!.deviceName, '/vmfs/devices/disks/naa.600');
});

test('NICs follow the guest order; devices are the tracked ones', () => {
  const vm = toVsphereVm({ ref, properties: poweredOn }, resource);
  assert.deepEqual(
    vm.nics.map(({ deviceKey, order, mac, network, startConnected }) => ({
      deviceKey,
      order,
      mac,
      network,
      startConnected,
    })),
    [
      {
        deviceKey: 4001,
        order: 0,
        mac: '00:50:56:aa:bb:02',
        network: { kind: 'Network', id: 'dvportgroup-9' },
        startConnected: false,
      },
      {
        deviceKey: 4000,
        order: 1,
        mac: '00:50:56:aa:bb:01',
        network: { kind: 'Network', id: 'network-1' },
        startConnected: true,
      },
    ],
  );
  assert.deepEqual(vm.devices, [
    { kind: 'VirtualVmxnet3', key: 4000, pciSlotNumber: 192 },
    { kind: 'VirtualE1000', key: 4001, pciSlotNumber: 0 },
    { kind: 'VirtualUSBController', key: 7000, pciSlotNumber: 0 },
    { kind: 'VirtualPCIPassthrough', key: 13000, pciSlotNumber: 0 },
  ]);
});

test('VM-wide flags come from config and extraConfig', () => {
  const vm = toVsphereVm({ ref, properties: poweredOn }, resource);
  assert.equal(vm.changeTrackingEnabled, true, 'extraConfig ctkEnabled overrides config');
  assert.deepEqual(vm.numaNodeAffinity, ['0', '1']);
  assert.equal(vm.diskEnableUuid, true);
  assert.deepEqual(vm.cpuAffinity, [0, 2]);
  assert.equal(vm.faultToleranceEnabled, true);
  assert.deepEqual(vm.snapshot, { kind: 'VirtualMachineSnapshot', id: 'snapshot-3' });
  assert.equal(vm.host, 'host-1');
  assert.equal(vm.revision, 3);
  assert.equal(vm.path, '/DC1/vm/web01');
});

test('guest networks, IP stacks and disks come from the guest info', () => {
  const vm = toVsphereVm({ ref, properties: poweredOn }, resource);
  assert.deepEqual(vm.guestNetworks, [
    {
      device: '4001',
      deviceConfigId: 4001,
      mac: '00:50:56:aa:bb:02',
      ip: '10.0.0.5',
      origin: 'dhcp',
      prefix: 24,
      dns: ['10.0.0.2'],
      network: 'DPortGroup',
    },
    {
      device: '4001',
      deviceConfigId: 4001,
      mac: '00:50:56:aa:bb:02',
      ip: 'fe80::1',
      origin: 'linklayer',
      prefix: 64,
      dns: ['10.0.0.2'],
      network: 'DPortGroup',
    },
  ]);
  assert.deepEqual(vm.guestIpStacks, [
    {
      device: '0',
      gateway: '10.0.0.1',
      network: '0.0.0.0',
      prefix: 0,
      dns: ['10.0.0.2', '10.0.0.3'],
    },
  ]);
  assert.deepEqual(vm.guestDisks, [
    {
      key: 2000,
      diskPath: 'C:\\',
      capacity: 107374182400,
      freeSpace: 53687091200,
      filesystemType: 'NTFS',
    },
  ]);
});

test('a powered-off VM keeps its guest ID and guest networks', () => {
  const on = toVsphereVm({ ref, properties: poweredOn }, resource);
  const { 'guest.net': _net, 'summary.guest.guestId': _id, ...rest } = poweredOn;
  const off = toVsphereVm(
    { ref, properties: { ...rest, 'runtime.powerState': 'poweredOff' } },
    { ...resource, revision: 4 },
    on,
  );
  assert.equal(off.powerState, 'poweredOff');
  assert.equal(off.guestId, 'windows2019srv_64Guest');
  assert.deepEqual(off.guestNetworks, on.guestNetworks);
  assert.equal(off.nics[0]!.deviceKey, 4000, 'without guest info, NICs are in device order');
});

test('the TPM flag is asked for only from vSphere 6.7', () => {
  assert.ok(!vmProperties('6.5').includes('summary.config.tpmPresent'));
  assert.ok(vmProperties('6.7').includes('summary.config.tpmPresent'));
  assert.ok(vmProperties('8.0.3.0').includes('summary.config.tpmPresent'));
});
