// The vSphere inventory against vcsim: Forklift's shapes, lists and trees, and a change made in
// vCenter reaching listeners quickly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { createSoapClient, moRefXml, type SoapClient } from '@forklift-console/vsphere';
import { retrieveInventory } from './property-collector.ts';
import { createVsphereInventory } from './vsphere-inventory.ts';
import type { ProviderInventory, TreeNode } from '../provider-inventory.ts';
import type { VsphereVm } from './vm-model.ts';
import type { VsphereHost } from './host-model.ts';
import type { VsphereNetwork } from './network-model.ts';
import type { VsphereDatastore } from './datastore-model.ts';

const RESOURCE_KEYS = ['id', 'parent', 'path', 'revision', 'name', 'selfLink'];
const TEMPLATE_NAME = 'DC0_C0_RP0_VM1';

describe('vSphere inventory against vcsim', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;
  let inventory: ProviderInventory;
  let admin: SoapClient;

  const vms = () => inventory.list('vms', { detail: 0 }) as VsphereVm[];

  /**
   * Runs a vCenter task on a VM; resolves once the inventory shows its effect and has told its
   * listeners, with what they heard. (How fast is measured by `npm run bench`.)
   */
  const inVcenter = async (method: string, vmId: string, until: () => boolean) => {
    const heard: string[][] = [];
    const unsubscribe = inventory.subscribe((collections) => heard.push(collections));
    const started = Date.now();
    try {
      await admin.call(method, moRefXml('_this', { type: 'VirtualMachine', value: vmId }));
      // A generous deadline, only so that a change that never arrives fails instead of hanging.
      while (!until() || heard.length === 0) {
        assert.ok(Date.now() - started < 30_000, `${method} did not reach the inventory`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return heard;
    } finally {
      unsubscribe();
    }
  };

  before(async () => {
    vcsim = await startVcsim({ vms: 2 });
    admin = createSoapClient(vcsim.sdkUrl);
    await admin.login(vcsim.username, vcsim.password);
    // vcsim does not publish MarkAsTemplate as an update, so the template exists before the sync.
    const template = (
      await retrieveInventory(admin, [{ type: 'VirtualMachine', paths: ['name'] }])
    ).find((vm) => vm.properties.name === TEMPLATE_NAME)!.ref;
    await admin.call('PowerOffVM_Task', moRefXml('_this', template));
    await admin.call('MarkAsTemplate', moRefXml('_this', template));
    inventory = createVsphereInventory({
      providerUid: 'provider-1',
      sdkUrl: vcsim.sdkUrl,
      username: vcsim.username,
      password: vcsim.password,
      maxWaitSeconds: 1,
    });
    assert.equal(await inventory.waitForParity(30_000), true);
  });

  after(async () => {
    await admin?.logout();
    await admin?.close();
    await inventory?.stop();
    await vcsim?.stop();
  });

  test('the summary counts like Forklift: standalone hosts as clusters, templates as VMs', () => {
    const summary = inventory.summary();
    assert.equal(summary.apiVersion, '6.5');
    assert.equal(summary.product, 'VMware VirtualCenter Server');
    assert.match(String(summary.instanceUuid), /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      {
        datacenterCount: summary.datacenterCount,
        clusterCount: summary.clusterCount,
        hostCount: summary.hostCount,
        vmCount: summary.vmCount,
        networkCount: summary.networkCount,
        datastoreCount: summary.datastoreCount,
      },
      {
        datacenterCount: 1,
        clusterCount: 2,
        hostCount: 3,
        vmCount: 4,
        networkCount: 4,
        datastoreCount: 1,
      },
    );
    assert.equal(inventory.list('clusters', { detail: 1 })!.length, 1, 'real clusters only');
    assert.equal(inventory.list('nothing', { detail: 1 }), undefined);
  });

  test('objects carry inventory paths, Forklift refs and self links', () => {
    const vm = vms().find((candidate) => candidate.name === 'DC0_C0_RP0_VM0')!;
    assert.equal(vm.path, '/DC0/vm/DC0_C0_RP0_VM0');
    assert.deepEqual(vm.parent.kind, 'Folder');
    assert.equal(vm.selfLink, `providers/vsphere/provider-1/vms/${vm.id}`);
    const host = inventory.get('hosts', vm.host) as VsphereHost;
    assert.match(host.path, /^\/DC0\/host\/DC0_C0\/DC0_C0_H\d$/);
    assert.equal(host.parent.kind, 'Cluster');
    assert.equal(host.cluster, host.parent.id);
    const networks = inventory.list('networks', { detail: 1 }) as VsphereNetwork[];
    assert.deepEqual(networks.map((network) => network.variant).sort(), [
      'DvPortGroup',
      'DvPortGroup',
      'DvSwitch',
      'Standard',
    ]);
    const portGroup = networks.find((network) => network.key === vm.nics[0]!.network.id)!;
    assert.equal(portGroup.variant, 'DvPortGroup', "a NIC's network is its portgroup key");
    assert.equal(portGroup.dvSwitch!.id, networks.find((n) => n.variant === 'DvSwitch')!.id);
    assert.equal(portGroup.path, `/DC0/network/${portGroup.name}`);
  });

  test("datastore IDs are vCenter's MoRef values, the same everywhere they are referenced", () => {
    const [datastore] = inventory.list('datastores', { detail: 1 }) as VsphereDatastore[];
    assert.match(datastore!.id, /^datastore-\d+$/);
    assert.equal(datastore!.selfLink, `providers/vsphere/provider-1/datastores/${datastore!.id}`);
    assert.equal(inventory.get('datastores', datastore!.id), datastore);
    for (const vm of vms()) assert.equal(vm.disks[0]!.datastore.id, datastore!.id);
    const host = inventory.list('hosts', { detail: 1 })![0] as VsphereHost;
    assert.deepEqual(host.datastores, [{ kind: 'Datastore', id: datastore!.id }]);
  });

  test("hosts' VMkernel NICs become network adapters", () => {
    for (const host of inventory.list('hosts', { detail: 1 }) as VsphereHost[]) {
      assert.deepEqual(host.networkAdapters, [
        {
          name: 'Management Network',
          ipAddress: '127.0.0.1',
          subnetMask: '255.0.0.0',
          linkSpeed: 10000,
          mtu: 1500,
        },
      ]);
      assert.equal(host.productName, 'VMware ESXi');
    }
  });

  test('detail 0 is the Resource; the VM list is always full; trees take VMs at detail', () => {
    for (const host of inventory.list('hosts', { detail: 0 }) as object[]) {
      assert.deepEqual(Object.keys(host), RESOURCE_KEYS);
    }
    const networks = inventory.list('networks', { detail: 0 }) as object[];
    assert.ok(networks.every((network) => 'variant' in network));
    const vm = vms()[0]!;
    assert.ok('uuid' in vm && 'concerns' in vm && 'guestNetworks' in vm);
    assert.ok(vm.concerns.length > 0, 'validated');
    assert.equal(vm.revisionValidated, vm.revision);

    const tree = inventory.tree('vm', 1)!;
    assert.equal(tree.kind, '');
    assert.equal(tree.object, null);
    const [datacenter] = tree.children;
    assert.equal(datacenter!.kind, 'Datacenter');
    assert.deepEqual(Object.keys(datacenter!.object as object), RESOURCE_KEYS);
    const vmNodes = datacenter!.children.filter((node) => node.kind === 'VM');
    assert.equal(vmNodes.length, 4);
    assert.deepEqual(Object.keys(vmNodes[0]!.object as object), [
      ...RESOURCE_KEYS,
      'revisionValidated',
      'isTemplate',
      'powerState',
      'host',
      'networks',
      'disks',
      'concerns',
    ]);
    assert.equal(inventory.tree('nothing', 0), undefined);
  });

  test('the host tree goes datacenter, cluster, host, VM', () => {
    const tree = inventory.tree('host', 0)!;
    const clusters = tree.children[0]!.children;
    assert.deepEqual(
      clusters.map((node) => node.kind),
      ['Cluster', 'Cluster'],
    );
    const hostNodes = clusters.flatMap((node) => node.children);
    assert.equal(hostNodes.length, 3);
    assert.ok(hostNodes.every((node) => node.kind === 'Host'));
    const vmNodes: TreeNode[] = hostNodes.flatMap((node) => node.children);
    assert.equal(vmNodes.length, 4);
    assert.deepEqual(Object.keys(vmNodes[0]!.object as object), RESOURCE_KEYS);
  });

  test('the name filter picks by name and, for VMs, by path suffix', () => {
    const byName = (name: string, path?: string) =>
      inventory
        .list('vms', { detail: 0, name: { name, ...(path !== undefined ? { path } : {}) } })!
        .map((vm) => (vm as VsphereVm).name);
    assert.deepEqual(byName('DC0_H0_VM1'), ['DC0_H0_VM1']);
    assert.deepEqual(byName('DC0_H0_VM1', '/DC0/vm'), ['DC0_H0_VM1']);
    assert.deepEqual(byName('DC0_H0_VM1', 'elsewhere'), []);
    const hosts = (path: string) =>
      inventory.list('hosts', { detail: 0, name: { name: 'DC0_H0', path } })!.length;
    assert.equal(hosts('DC0'), 1);
    assert.equal(hosts('DC1'), 0);
  });

  test('a VM powered off in vCenter shows at once, with a new revision', async () => {
    const vm = vms().find((candidate) => candidate.powerState === 'poweredOn')!;
    const heard = await inVcenter(
      'PowerOffVM_Task',
      vm.id,
      () => (inventory.get('vms', vm.id) as VsphereVm).powerState === 'poweredOff',
    );
    const off = inventory.get('vms', vm.id) as VsphereVm;
    assert.ok(off.revision > vm.revision);
    assert.equal(off.revisionValidated, off.revision);
    assert.ok(
      heard.every((collections) => collections.includes('vms')),
      'they heard of VMs',
    );
    assert.equal(
      vms().find((candidate) => candidate.id === vm.id)?.powerState,
      'poweredOff',
      'the list is rebuilt',
    );
  });

  test('templates are left out of the VM list but still counted and served by ID', () => {
    const template = inventory.list('vms', { detail: 0, name: { name: TEMPLATE_NAME } })!;
    assert.deepEqual(template, []);
    assert.equal(vms().length, 3);
    assert.equal(inventory.summary().vmCount, 4);
    const tree = inventory.tree('vm', 2)!;
    const node = tree.children[0]!.children.find(
      (child) => (child.object as VsphereVm).name === TEMPLATE_NAME,
    )!;
    const byId = inventory.get('vms', (node.object as VsphereVm).id) as VsphereVm;
    assert.equal(byId.isTemplate, true);
  });

  test('without a working login there is no parity, and the reason is kept', async () => {
    const failing = createVsphereInventory({
      providerUid: 'provider-2',
      sdkUrl: vcsim.sdkUrl,
      username: vcsim.username,
      password: 'wrong',
    });
    try {
      assert.equal(await failing.waitForParity(1500), false);
      assert.equal(failing.hasParity(), false);
      assert.match(failing.lastError() ?? '', /login|password/i);
    } finally {
      await failing.stop();
    }
  });
});
