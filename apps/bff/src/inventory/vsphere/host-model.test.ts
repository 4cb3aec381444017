// Host networking as ESXi reports it with a distributed switch and jumbo frames, which vcsim's
// hosts (one management vmk0 on vSwitch0) do not show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toVsphereHost } from './host-model.ts';
import type { Resource } from './resource.ts';

const resource: Resource = {
  id: 'host-10',
  parent: { kind: 'Cluster', id: 'domain-c8' },
  path: '/DC1/host/cluster1/esx1',
  revision: 1,
  name: 'esx1',
  selfLink: 'providers/vsphere/p/hosts/host-10',
};

const vnic = (device: string, mtu: string, placement: Record<string, unknown>) => ({
  device,
  key: `key-vim.host.VirtualNic-${device}`,
  ...('portgroup' in placement ? { portgroup: placement.portgroup } : {}),
  spec: {
    ip: { ipAddress: `10.0.0.${device.slice(3)}`, subnetMask: '255.255.255.0' },
    mtu,
    ...('distributedVirtualPort' in placement
      ? { distributedVirtualPort: placement.distributedVirtualPort }
      : {}),
  },
});

const properties = {
  name: 'esx1',
  'config.network.pnic': {
    _type: 'ArrayOfPhysicalNic',
    PhysicalNic: [
      { key: 'key-vim.host.PhysicalNic-vmnic0', linkSpeed: { speedMb: '1000' } },
      { key: 'key-vim.host.PhysicalNic-vmnic1', linkSpeed: { speedMb: '25000' } },
    ],
  },
  'config.network.vswitch': {
    _type: 'ArrayOfHostVirtualSwitch',
    HostVirtualSwitch: {
      name: 'vSwitch0',
      key: 'key-vim.host.VirtualSwitch-vSwitch0',
      portgroup: ['key-vim.host.PortGroup-Management Network', 'key-vim.host.PortGroup-vMotion'],
      pnic: 'key-vim.host.PhysicalNic-vmnic0',
    },
  },
  'config.network.portgroup': {
    _type: 'ArrayOfHostPortGroup',
    HostPortGroup: [
      {
        key: 'key-vim.host.PortGroup-Management Network',
        vswitch: 'key-vim.host.VirtualSwitch-vSwitch0',
        spec: { name: 'Management Network', vlanId: '0' },
      },
      {
        key: 'key-vim.host.PortGroup-vMotion',
        vswitch: 'key-vim.host.VirtualSwitch-vSwitch0',
        spec: { name: 'vMotion', vlanId: '20' },
      },
    ],
  },
  'config.network.proxySwitch': {
    _type: 'ArrayOfHostProxySwitch',
    HostProxySwitch: {
      dvsUuid: '50 2e 11',
      dvsName: 'DSwitch-Migration',
      pnic: 'key-vim.host.PhysicalNic-vmnic1',
    },
  },
  'config.network.vnic': {
    _type: 'ArrayOfHostVirtualNic',
    HostVirtualNic: [
      vnic('vmk0', '1500', { portgroup: 'Management Network' }),
      vnic('vmk1', '9000', { portgroup: 'vMotion' }),
      vnic('vmk2', '9000', {
        portgroup: '',
        distributedVirtualPort: { switchUuid: '50 2e 11', portgroupKey: 'dvportgroup-30' },
      }),
    ],
  },
  'config.storageDevice.scsiLun': {
    _type: 'ArrayOfScsiLun',
    ScsiLun: [
      { _type: 'ScsiLun', canonicalName: 'mpx.vmhba1:C0:T0:L0', key: 'cdrom' },
      {
        _type: 'HostScsiDisk',
        canonicalName: 'naa.600',
        vendor: 'NETAPP',
        model: 'LUN',
        key: 'key-vim.host.ScsiDisk-naa.600',
      },
    ],
  },
};

test('networkAdapters: one per VMkernel NIC, fastest uplink then largest MTU first', () => {
  const host = toVsphereHost(
    { ref: { type: 'HostSystem', value: 'host-10' }, properties },
    resource,
  );
  assert.deepEqual(host.networkAdapters, [
    {
      name: 'DSwitch-Migration',
      ipAddress: '10.0.0.2',
      subnetMask: '255.255.255.0',
      linkSpeed: 25000,
      mtu: 9000,
    },
    {
      name: 'vMotion',
      ipAddress: '10.0.0.1',
      subnetMask: '255.255.255.0',
      linkSpeed: 1000,
      mtu: 9000,
    },
    {
      name: 'Management Network',
      ipAddress: '10.0.0.0',
      subnetMask: '255.255.255.0',
      linkSpeed: 1000,
      mtu: 1500,
    },
  ]);
});

test('networking lists the NICs, portgroups and switches; SCSI disks exclude other LUNs', () => {
  const host = toVsphereHost(
    { ref: { type: 'HostSystem', value: 'host-10' }, properties },
    resource,
  );
  assert.equal(host.cluster, 'domain-c8');
  assert.deepEqual(host.networking.switches, [
    {
      key: 'key-vim.host.VirtualSwitch-vSwitch0',
      name: 'vSwitch0',
      portGroups: ['key-vim.host.PortGroup-Management Network', 'key-vim.host.PortGroup-vMotion'],
      pNICs: ['key-vim.host.PhysicalNic-vmnic0'],
    },
  ]);
  assert.deepEqual(host.networking.portGroups[1], {
    key: 'key-vim.host.PortGroup-vMotion',
    name: 'vMotion',
    vSwitch: 'key-vim.host.VirtualSwitch-vSwitch0',
    vlanId: 20,
  });
  assert.equal(host.networking.vNICs[2]!.dPortGroup, 'dvportgroup-30');
  assert.deepEqual(host.hostScsiDisks, [
    {
      canonicalName: 'naa.600',
      vendor: 'NETAPP',
      model: 'LUN',
      key: 'key-vim.host.ScsiDisk-naa.600',
    },
  ]);
  assert.equal(host.vms, null);
});
