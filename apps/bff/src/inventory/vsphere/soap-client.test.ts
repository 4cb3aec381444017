// The SOAP client against vcsim, the vSphere API simulator (a real vim25 endpoint).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { createSoapClient, VsphereFault } from './soap-client.ts';
import { retrieveInventory } from './property-collector.ts';
import { toVsphereVm, VM_PROPERTIES } from './vm-model.ts';

describe('vSphere SOAP client and property collector against vcsim', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;

  before(async () => {
    vcsim = await startVcsim({ vms: 2 });
  });

  after(async () => {
    await vcsim?.stop();
  });

  test('reads the service content and logs in with the right credentials', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    const content = await client.serviceContent();
    assert.equal(content.about.apiType, 'VirtualCenter');
    assert.equal(content.rootFolder.type, 'Folder');
    const session = await client.login(vcsim.username, vcsim.password);
    assert.equal(session.userName, vcsim.username);
    await client.logout();
  });

  test('a wrong password is an InvalidLogin fault that does not repeat the password', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    await assert.rejects(client.login(vcsim.username, 'not-the-password'), (error) => {
      assert.ok(error instanceof VsphereFault);
      assert.equal(error.kind, 'InvalidLogin');
      assert.doesNotMatch(error.message, /not-the-password/);
      return true;
    });
  });

  test('one retrieval reads every host, datastore and VM, page after page', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    await client.login(vcsim.username, vcsim.password);
    const requests = [
      { type: 'HostSystem', paths: ['name'] },
      { type: 'Datastore', paths: ['name', 'summary.capacity'] },
      {
        type: 'VirtualMachine',
        paths: ['name', 'runtime.powerState', 'runtime.host', 'config.hardware.device'],
      },
    ];
    const objects = await retrieveInventory(client, requests);
    const ofType = (type: string) => objects.filter((object) => object.ref.type === type);
    // The model: one cluster of 2 hosts plus 1 standalone host, 2 VMs per host pool and cluster.
    assert.equal(ofType('HostSystem').length, 3);
    assert.equal(ofType('Datastore').length, 1);
    const vms = ofType('VirtualMachine');
    assert.equal(vms.length, 4);
    for (const vm of vms) {
      assert.match(String(vm.properties['runtime.powerState']), /^powered(On|Off)$|^suspended$/);
      assert.equal((vm.properties['runtime.host'] as { type: string }).type, 'HostSystem');
      const devices = (
        vm.properties['config.hardware.device'] as { VirtualDevice: { _type: string }[] }
      ).VirtualDevice;
      assert.ok(
        devices.some((device) => device._type === 'VirtualDisk'),
        'a typed disk device',
      );
    }
    const paged = await retrieveInventory(client, requests, 2);
    assert.deepEqual(
      paged.map((object) => object.ref.value).sort(),
      objects.map((object) => object.ref.value).sort(),
      'a small page size reads the same objects through ContinueRetrievePropertiesEx',
    );
  });

  test('VMs come out in Forklift inventory shape: CPU, memory, disks with bus and datastore, NICs', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    await client.login(vcsim.username, vcsim.password);
    const objects = await retrieveInventory(client, [
      { type: 'VirtualMachine', paths: [...VM_PROPERTIES] },
    ]);
    const vms = objects.map(toVsphereVm);
    assert.equal(vms.length, 4);
    for (const vm of vms) {
      assert.match(vm.id, /^vm-\d+$/);
      assert.ok(vm.cpuCount >= 1 && vm.memoryMB >= 32, `${vm.name} has CPUs and memory`);
      assert.match(vm.host, /^host-\d+$/);
      assert.equal(vm.parent.kind, 'Folder');
      assert.ok(vm.disks.length >= 1, `${vm.name} has a disk`);
      for (const disk of vm.disks) {
        assert.ok(['scsi', 'sata', 'ide', 'nvme'].includes(disk.bus), `bus ${disk.bus}`);
        assert.equal(disk.datastore.kind, 'Datastore');
        assert.match(disk.file, /^\[LocalDS_0\] /);
        assert.ok(disk.capacity > 0);
      }
      assert.ok(vm.nics.length >= 1, `${vm.name} has a NIC`);
      for (const nic of vm.nics) {
        assert.match(nic.mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
        assert.ok(nic.network.id, 'a NIC names its network');
      }
    }
  });
});
