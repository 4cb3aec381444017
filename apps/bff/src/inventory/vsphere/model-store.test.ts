// The model store on a hand-made inventory: what each kind of change rebuilds and revalidates.
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CachedObject, CollectorChange } from './collector.ts';
import { createModelStore, type ModelStore } from './model-store.ts';
import type { VsphereVm } from './vm-model.ts';

const moRef = (type: string, value: string) => ({ type, value });

const disk = (file: string) => ({
  _type: 'ArrayOfVirtualDevice',
  VirtualDevice: [
    { _type: 'ParaVirtualSCSIController', key: '1000' },
    {
      _type: 'VirtualDisk',
      key: '2000',
      controllerKey: '1000',
      unitNumber: '0',
      capacityInKB: '1024',
      backing: {
        _type: 'VirtualDiskFlatVer2BackingInfo',
        fileName: file,
        datastore: moRef('Datastore', 'datastore-1'),
        diskMode: 'persistent',
      },
    },
  ],
});

const vmProperties = (name: string, folder: string, host: string, file: string) => ({
  name,
  parent: moRef('Folder', folder),
  'config.uuid': `uuid-${name}`,
  'runtime.host': moRef('HostSystem', host),
  'runtime.powerState': 'poweredOn',
  'summary.guest.guestId': 'rhel9_64Guest',
  'guest.hostName': `${name}.example.com`,
  'config.hardware.device': disk(file),
});

describe('vSphere model store', () => {
  let cache: Map<string, CachedObject>;
  let store: ModelStore;

  const put = (type: string, id: string, properties: Record<string, unknown>): CollectorChange => {
    const key = `${type}:${id}`;
    const previous = cache.get(key);
    const object = { ref: moRef(type, id), properties, revision: (previous?.revision ?? 0) + 1 };
    cache.set(key, object);
    return { kind: previous ? 'modify' : 'enter', object };
  };
  const drop = (type: string, id: string): CollectorChange => {
    const object = cache.get(`${type}:${id}`)!;
    cache.delete(`${type}:${id}`);
    return { kind: 'leave', object };
  };
  const apply = (...changes: CollectorChange[]) => store.apply(changes, () => [...cache.values()]);
  const vm = (id: string) => store.models('vms')!.get(id) as VsphereVm;
  const concernIds = (id: string) => vm(id).concerns.map((concern) => concern.id);

  beforeEach(() => {
    cache = new Map();
    store = createModelStore('p1', (ref) => cache.get(`${ref.type}:${ref.value}`));
    put('Datacenter', 'datacenter-1', {
      name: 'DC1',
      parent: moRef('Folder', 'group-d1'),
      vmFolder: moRef('Folder', 'group-v'),
      hostFolder: moRef('Folder', 'group-h'),
    });
    put('Folder', 'group-v', {
      name: 'vm',
      parent: moRef('Datacenter', 'datacenter-1'),
      childEntity: [moRef('VirtualMachine', 'vm-1'), moRef('Folder', 'group-prod')],
    });
    put('Folder', 'group-prod', {
      name: 'prod',
      parent: moRef('Folder', 'group-v'),
      childEntity: [moRef('VirtualMachine', 'vm-3')],
    });
    put('Folder', 'group-h', {
      name: 'host',
      parent: moRef('Datacenter', 'datacenter-1'),
      childEntity: moRef('ClusterComputeResource', 'domain-c1'),
    });
    put('ClusterComputeResource', 'domain-c1', {
      name: 'cluster1',
      parent: moRef('Folder', 'group-h'),
      host: moRef('HostSystem', 'host-1'),
      configurationEx: { _type: 'ClusterConfigInfoEx', drsConfig: { enabled: 'false' } },
    });
    put('HostSystem', 'host-1', {
      name: 'esx1',
      parent: moRef('ClusterComputeResource', 'domain-c1'),
    });
    put('VirtualMachine', 'vm-1', vmProperties('db-a', 'group-v', 'host-1', '[ds1] shared/d.vmdk'));
    put('VirtualMachine', 'vm-2', vmProperties('db-b', 'group-v', 'host-1', '[ds1] shared/d.vmdk'));
    put('VirtualMachine', 'vm-3', vmProperties('web01', 'group-prod', 'host-1', '[ds1] w/w.vmdk'));
    put('VirtualMachine', 'vm-4', vmProperties('lost', 'group-v', 'host-99', '[ds1] l/l.vmdk'));
    store.rebuild([...cache.values()]);
  });

  test('paths walk folders up to the datacenter; refs and self links follow the collection', () => {
    assert.equal(vm('vm-3').path, '/DC1/vm/prod/web01');
    assert.equal(store.models('hosts')!.get('host-1')!.path, '/DC1/host/cluster1/esx1');
    assert.equal(store.models('clusters')!.get('domain-c1')!.path, '/DC1/host/cluster1');
    assert.equal(store.models('datacenters')!.get('datacenter-1')!.path, '/DC1');
    assert.deepEqual(store.models('hosts')!.get('host-1')!.parent, {
      kind: 'Cluster',
      id: 'domain-c1',
    });
    assert.equal(vm('vm-3').selfLink, 'providers/vsphere/p1/vms/vm-3');
  });

  test('a disk file in two VMs is shared in both, and the concern says so', () => {
    assert.equal(vm('vm-1').disks[0]!.shared, true);
    assert.equal(vm('vm-2').disks[0]!.shared, true);
    assert.equal(vm('vm-3').disks[0]!.shared, false);
    assert.ok(concernIds('vm-1').includes('vmware.disk.shared.detected'));
    assert.ok(!concernIds('vm-3').includes('vmware.disk.shared.detected'));
    assert.equal(vm('vm-1').revisionValidated, vm('vm-1').revision);
    assert.equal(vm('vm-1').policyVersion, 5);
  });

  test('when a sharing VM goes, its peer is revalidated and no longer shares', () => {
    const changed = apply(drop('VirtualMachine', 'vm-2'));
    assert.deepEqual([...changed], ['vms']);
    assert.equal(store.models('vms')!.has('vm-2'), false);
    assert.equal(vm('vm-1').disks[0]!.shared, false);
    assert.ok(!concernIds('vm-1').includes('vmware.disk.shared.detected'));
  });

  test('a cluster change revalidates the VMs on its hosts', () => {
    assert.ok(!concernIds('vm-1').includes('vmware.drs.enabled'));
    apply(
      put('ClusterComputeResource', 'domain-c1', {
        ...cache.get('ClusterComputeResource:domain-c1')!.properties,
        configurationEx: { _type: 'ClusterConfigInfoEx', drsConfig: { enabled: 'true' } },
      }),
    );
    for (const id of ['vm-1', 'vm-2', 'vm-3']) {
      assert.ok(concernIds(id).includes('vmware.drs.enabled'), id);
    }
    assert.ok(!concernIds('vm-4').includes('vmware.drs.enabled'), 'vm-4 is on another host');
  });

  test('a VM change rebuilds that VM only and bumps its revision', () => {
    const before = new Map(['vm-1', 'vm-2', 'vm-3'].map((id) => [id, vm(id)]));
    const folder = store.models('folders')!.get('group-v');
    const changed = apply(
      put('VirtualMachine', 'vm-3', {
        ...cache.get('VirtualMachine:vm-3')!.properties,
        'runtime.powerState': 'poweredOff',
      }),
    );
    assert.deepEqual([...changed], ['vms']);
    assert.equal(vm('vm-3').powerState, 'poweredOff');
    assert.equal(vm('vm-3').revision, 2);
    assert.equal(vm('vm-3').revisionValidated, 2);
    assert.notEqual(vm('vm-3'), before.get('vm-3'));
    assert.equal(vm('vm-1'), before.get('vm-1'), 'untouched VMs keep their identity');
    assert.equal(vm('vm-2'), before.get('vm-2'));
    assert.equal(store.models('folders')!.get('group-v'), folder);
    assert.ok(Object.isFrozen(vm('vm-3')));
  });

  test('renaming a folder renames the paths below it', () => {
    apply(
      put('Folder', 'group-prod', {
        ...cache.get('Folder:group-prod')!.properties,
        name: 'production',
      }),
    );
    assert.equal(vm('vm-3').path, '/DC1/vm/production/web01');
    assert.equal(vm('vm-1').path, '/DC1/vm/db-a');
  });

  test('a VM whose host cannot be read gets the Critical workload error', () => {
    assert.deepEqual(vm('vm-4').concerns, [
      {
        id: '',
        label: "For VM 'vm-4', host id 'host-99' not found - probably due to permissions issue",
        category: 'Critical',
        assessment:
          "For VM 'vm-4', host id 'host-99' not found - probably due to permissions issue",
      },
    ]);
    apply(put('HostSystem', 'host-99', { name: 'esx99', parent: moRef('ComputeResource', 'x') }));
    assert.ok(!vm('vm-4').concerns.some((concern) => concern.category === 'Critical'));
  });
});
