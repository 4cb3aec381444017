// The property collector over the SOAP client, against vcsim (a real vim25 endpoint).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSoapClient } from '@forklift-console/vsphere';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { retrieveInventory } from './property-collector.ts';
import { vspherePropertyRequests } from './property-requests.ts';

describe('vSphere property collector against vcsim', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;

  before(async () => {
    vcsim = await startVcsim({ vms: 2 });
  });

  after(async () => {
    await vcsim?.stop();
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

  test('every property the inventory asks for is read in one filter, for every type', async () => {
    const client = createSoapClient(vcsim.sdkUrl);
    await client.login(vcsim.username, vcsim.password);
    const { about } = await client.serviceContent();
    // One path the server does not know would fail the whole retrieval, so all go in together.
    const objects = await retrieveInventory(client, vspherePropertyRequests(about.apiVersion));
    const counts = new Map<string, number>();
    for (const object of objects) {
      counts.set(object.ref.type, (counts.get(object.ref.type) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries([...counts].sort()), {
      ClusterComputeResource: 1,
      ComputeResource: 1,
      Datacenter: 1,
      Datastore: 1,
      DistributedVirtualPortgroup: 2,
      DistributedVirtualSwitch: 1,
      Folder: 4,
      HostSystem: 3,
      Network: 1,
      VirtualMachine: 4,
    });
    const served = (type: string, path: string) =>
      objects.some((object) => object.ref.type === type && object.properties[path] !== undefined);
    // What vcsim fills in; the rest (snapshots, FT, CBT…) it leaves unset on its VMs.
    const expected: Record<string, string[]> = {
      VirtualMachine: [
        'name',
        'parent',
        'network',
        'config.uuid',
        'config.instanceUuid',
        'config.template',
        'config.hardware.device',
        'config.extraConfig',
        'runtime.powerState',
        'runtime.host',
        'summary.config.guestFullName',
        'summary.guest.guestId',
        'summary.storage.committed',
        'guest.net',
        'guest.toolsStatus',
      ],
      HostSystem: [
        'overallStatus',
        'runtime.inMaintenanceMode',
        'summary.hardware.numCpuPkgs',
        'summary.hardware.memorySize',
        'config.product.name',
        'config.network.pnic',
        'config.network.vnic',
        'config.network.portgroup',
        'config.network.vswitch',
        'config.storageDevice.scsiLun',
        'network',
        'datastore',
      ],
      ClusterComputeResource: ['name', 'host', 'datastore', 'network', 'configurationEx'],
      ComputeResource: ['name', 'host'],
      Datacenter: ['vmFolder', 'hostFolder', 'networkFolder', 'datastoreFolder'],
      Folder: ['name', 'parent', 'childEntity'],
      Network: ['name', 'parent'],
      DistributedVirtualPortgroup: ['name', 'key', 'config.distributedVirtualSwitch'],
      DistributedVirtualSwitch: ['name', 'parent'],
      Datastore: [
        'name',
        'summary.type',
        'summary.capacity',
        'info',
        'capability.storageIORMSupported',
      ],
    };
    for (const [type, paths] of Object.entries(expected)) {
      for (const path of paths) assert.ok(served(type, path), `${type} ${path}`);
    }
    await client.logout();
  });
});
