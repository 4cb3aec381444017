import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, MIGRATION_UID, ovaVm, PLAN_UID, vsphereVm } from './context.test-support.ts';
import { assertMatchesSchema } from './schema-check.test-support.ts';
import { virtualMachine } from './virtual-machine.ts';
import { claimOwnerReference } from './vm-common.ts';

const vsphereClaims = (vm = vsphereVm()) => [
  { disk: vm.disks[1]!, claimName: 'db-disk-1-abcde', volumeMode: 'Filesystem' as const },
  { disk: vm.disks[0]!, claimName: 'db-disk-0-fghij', volumeMode: 'Block' as const },
];

const templateSpec = (vm: ReturnType<typeof virtualMachine>) =>
  vm.spec.template.spec as {
    domain: {
      firmware: unknown;
      features?: unknown;
      cpu: unknown;
      memory: unknown;
      devices: { disks: Record<string, unknown>[]; interfaces: unknown[]; inputs: unknown[] };
    };
    networks: unknown[];
    volumes: unknown[];
  };

test('a vSphere VM: name, labels, rename annotations, firmware, CPU and memory as Forklift sets them', () => {
  const vm = vsphereVm();
  const built = virtualMachine(contextOf(vm), {
    claims: vsphereClaims(vm),
    restorePowerState: 'On',
  });
  assertMatchesSchema(built, 'kubevirt');
  assert.deepEqual(built.metadata, {
    name: 'db-server-01',
    namespace: 'migrated',
    labels: {
      migration: MIGRATION_UID,
      plan: PLAN_UID,
      'plan-name': 'quarterly-databases-wave',
      'plan-namespace': 'demo',
      vmID: 'vm-42',
      resource: 'vm-config',
      guestConverted: 'true',
    },
    annotations: { 'openshift.io/display-name': 'DB Server_01', 'original-ID': 'vm-42' },
  });
  assert.equal(built.spec.runStrategy, 'Always');
  assert.equal('running' in built.spec, false);
  assert.deepEqual(built.spec.template.metadata, {
    labels: { app: 'db-server-01' },
    annotations: {
      'vm.kubevirt.io/flavor': '',
      'vm.kubevirt.io/os': '',
      'vm.kubevirt.io/workload': '',
    },
  });
  const { domain } = templateSpec(built);
  assert.deepEqual(domain.firmware, {
    serial: '4210a1b2-c3d4-e5f6-0718-293a4b5c6d7e',
    bootloader: { efi: { secureBoot: true } },
  });
  assert.deepEqual(domain.features, { smm: { enabled: true } });
  assert.deepEqual(domain.cpu, { sockets: 2, cores: 4 });
  assert.deepEqual(domain.memory, { guest: '8192Mi' });
  assert.deepEqual(domain.devices.inputs, [{ name: 'tablet', type: 'tablet', bus: 'virtio' }]);
});

test('disks sit on the migrated claims in the VM’s order, the first one boots, serials are kept', () => {
  const vm = vsphereVm();
  const built = virtualMachine(contextOf(vm), {
    claims: vsphereClaims(vm),
    restorePowerState: 'On',
  });
  const { domain, volumes } = templateSpec(built);
  assert.deepEqual(volumes, [
    { name: 'vol-0', persistentVolumeClaim: { claimName: 'db-disk-0-fghij' } },
    { name: 'vol-1', persistentVolumeClaim: { claimName: 'db-disk-1-abcde' } },
  ]);
  assert.deepEqual(domain.devices.disks[0], {
    name: 'vol-0',
    disk: { bus: 'virtio' },
    serial: '6000C29a-b3c4d5e6',
    bootOrder: 1,
  });
  const shared = domain.devices.disks[1]!;
  assert.equal(shared.bootOrder, undefined);
  assert.equal(shared.shareable, true);
  assert.equal(shared.cache, 'none');
  // No source serial: a stable one from the VM and the disk key.
  assert.match(String(shared.serial), /^[0-9a-f]{20}$/);
  const again = virtualMachine(contextOf(vm), {
    claims: vsphereClaims(vm),
    restorePowerState: 'On',
  });
  assert.equal(templateSpec(again).domain.devices.disks[1]!.serial, shared.serial);
});

test('the plan’s rootDisk, else virt-v2v’s detected boot disk, gets boot order 1', () => {
  const vm = vsphereVm();
  const bootOf = (built: ReturnType<typeof virtualMachine>) =>
    templateSpec(built).domain.devices.disks.findIndex((disk) => disk.bootOrder === 1);
  const rootDisk = contextOf(vm, { planSpec: { vms: [{ id: 'vm-42', rootDisk: '/dev/sdb' }] } });
  assert.equal(
    bootOf(virtualMachine(rootDisk, { claims: vsphereClaims(vm), restorePowerState: 'On' })),
    1,
  );
  const detected = virtualMachine(contextOf(vm), {
    claims: vsphereClaims(vm),
    restorePowerState: 'On',
    conversion: { detectedBootDisk: 1 },
  });
  assert.equal(bootOf(detected), 1);
});

test('NICs follow the network map: pod with masquerade, multus with bridge, MACs kept, ignored left out', () => {
  const vm = vsphereVm();
  const built = virtualMachine(contextOf(vm), {
    claims: vsphereClaims(vm),
    restorePowerState: 'On',
  });
  const { domain, networks } = templateSpec(built);
  assert.deepEqual(domain.devices.interfaces, [
    { name: 'net-0', model: 'virtio', masquerade: {}, macAddress: '00:50:56:aa:bb:01' },
    { name: 'net-1', model: 'virtio', bridge: {}, macAddress: '00:50:56:aa:bb:02', state: 'down' },
    { name: 'net-2', model: 'virtio', bridge: {}, macAddress: '00:50:56:aa:bb:03' },
  ]);
  // Two NICs on one port group reach the two networks it is mapped to.
  assert.deepEqual(networks, [
    { name: 'net-0', pod: {} },
    { name: 'net-1', multus: { networkName: 'demo/vlan-a' } },
    { name: 'net-2', multus: { networkName: 'demo/vlan-b' } },
  ]);
});

test('volume and network name templates name them; a template without a label result falls back', () => {
  const vm = vsphereVm();
  const ctx = contextOf(vm, {
    planSpec: {
      volumeNameTemplate: 'disk-{{.VolumeIndex}}',
      networkNameTemplate: '{{if eq .NetworkType "Pod"}}pod{{else}}{{.NetworkName}}{{end}}',
    },
  });
  const built = virtualMachine(ctx, { claims: vsphereClaims(vm), restorePowerState: 'On' });
  assertMatchesSchema(built, 'kubevirt');
  const { networks, volumes } = templateSpec(built);
  assert.deepEqual(
    volumes.map((volume) => (volume as { name: string }).name),
    ['disk-0', 'disk-1'],
  );
  assert.deepEqual(
    networks.map((network) => (network as { name: string }).name),
    ['pod', 'vlan-a', 'vlan-b'],
  );
  const broken = contextOf(vm, { planSpec: { volumeNameTemplate: '{{.PVCName | nope}}' } });
  const fallback = virtualMachine(broken, { claims: vsphereClaims(vm), restorePowerState: 'On' });
  assert.equal((templateSpec(fallback).volumes[0] as { name: string }).name, 'vol-0');
});

test('the target power state: on, off, and auto restoring what the source was', () => {
  const vm = vsphereVm();
  const strategy = (targetPowerState: 'on' | 'off' | 'auto' | undefined, restore: 'On' | 'Off') =>
    virtualMachine(contextOf(vm, { planSpec: { targetPowerState } }), {
      claims: vsphereClaims(vm),
      restorePowerState: restore,
    }).spec.runStrategy;
  assert.equal(strategy('on', 'Off'), 'Always');
  assert.equal(strategy('off', 'On'), 'Halted');
  assert.equal(strategy('auto', 'On'), 'Always');
  assert.equal(strategy('auto', 'Off'), 'Halted');
  assert.equal(strategy(undefined, 'Off'), 'Halted');
  const vmOverride = contextOf(vm, {
    planSpec: { targetPowerState: 'off', vms: [{ id: 'vm-42', targetPowerState: 'on' }] },
  });
  assert.equal(
    virtualMachine(vmOverride, { claims: [], restorePowerState: 'Off' }).spec.runStrategy,
    'Always',
  );
});

test('raw copy in compatibility mode: SATA disks, e1000e NICs, a USB tablet; the guest is not converted', () => {
  const vm = vsphereVm();
  const ctx = contextOf(vm, { requiresConversion: false, planSpec: { skipGuestConversion: true } });
  const built = virtualMachine(ctx, { claims: vsphereClaims(vm), restorePowerState: 'Off' });
  assertMatchesSchema(built, 'kubevirt');
  const { domain } = templateSpec(built);
  assert.deepEqual(domain.devices.disks[0]!.disk, { bus: 'sata' });
  assert.equal((domain.devices.interfaces[0] as { model: string }).model, 'e1000e');
  assert.deepEqual(domain.devices.inputs, [{ name: 'tablet', type: 'tablet', bus: 'usb' }]);
  assert.equal(built.metadata.labels.guestConverted, 'false');
});

test('the plan’s target labels, node selector, affinity and nested virtualization reach the template', () => {
  const vm = vsphereVm();
  const affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
      },
    },
  };
  const ctx = contextOf(vm, {
    planSpec: {
      targetLabels: { team: 'dba' },
      targetNodeSelector: { zone: 'a' },
      targetAffinity: affinity,
      enableNestedVirtualization: true,
    },
  });
  const built = virtualMachine(ctx, { claims: vsphereClaims(vm), restorePowerState: 'On' });
  assertMatchesSchema(built, 'kubevirt');
  assert.deepEqual((built.spec.template.metadata as { labels: unknown }).labels, {
    team: 'dba',
    app: 'db-server-01',
  });
  const spec = built.spec.template.spec as { nodeSelector: unknown; affinity: unknown };
  assert.deepEqual(spec.nodeSelector, { zone: 'a' });
  assert.deepEqual(spec.affinity, affinity);
  assert.deepEqual(templateSpec(built).domain.cpu, {
    sockets: 2,
    cores: 4,
    features: [
      { name: 'vmx', policy: 'optional' },
      { name: 'svm', policy: 'optional' },
    ],
  });
});

test('an OVA VM: BIOS unless virt-v2v found UEFI, no rename when the name is kept', () => {
  const vm = ovaVm();
  const claims = [
    { disk: vm.disks[0]!, claimName: 'appliance-disk-0', volumeMode: 'Filesystem' as const },
  ];
  const bios = virtualMachine(contextOf(vm), { claims, restorePowerState: 'Off' });
  assertMatchesSchema(bios, 'kubevirt');
  assert.equal(bios.metadata.annotations, undefined);
  assert.equal(bios.spec.runStrategy, 'Halted');
  assert.deepEqual(templateSpec(bios).domain.firmware, { bootloader: { bios: {} } });
  const efi = virtualMachine(contextOf(vm), {
    claims,
    restorePowerState: 'Off',
    conversion: { firmware: 'efi' },
  });
  assertMatchesSchema(efi, 'kubevirt');
  assert.deepEqual(templateSpec(efi).domain.firmware, {
    bootloader: { efi: { secureBoot: false } },
  });
  assert.deepEqual(templateSpec(efi).networks, [{ name: 'net-0', pod: {} }]);
});

test('migrated claims are handed to the VM by a non-controller owner reference that blocks its deletion', () => {
  assert.deepEqual(claimOwnerReference({ metadata: { name: 'db-server-01', uid: 'vm-uid' } }), {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    name: 'db-server-01',
    uid: 'vm-uid',
    blockOwnerDeletion: true,
    controller: false,
  });
});

test('an instance type sizes the VM instead of the source’s CPU and memory', () => {
  const vm = vsphereVm();
  const ctx = contextOf(vm, { planSpec: { vms: [{ id: 'vm-42', instanceType: 'u1.large' }] } });
  const built = virtualMachine(ctx, {
    claims: vsphereClaims(vm),
    restorePowerState: 'On',
    instanceTypeKind: 'VirtualMachineClusterInstancetype',
  });
  assertMatchesSchema(built, 'kubevirt');
  assert.deepEqual(built.spec.instancetype, {
    name: 'u1.large',
    kind: 'VirtualMachineClusterInstancetype',
  });
  const { domain } = templateSpec(built);
  assert.equal(domain.cpu, undefined);
  assert.equal(domain.memory, undefined);
});
