import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, openshiftVm } from './context.test-support.ts';
import { assertMatchesSchema } from './schema-check.test-support.ts';
import { virtualMachine } from './virtual-machine.ts';

const build = (overrides: Parameters<typeof contextOf>[1] = {}) => {
  const vm = openshiftVm();
  return virtualMachine(contextOf(vm, overrides), {
    claims: [{ disk: vm.disks[0]!, claimName: 'database-root', volumeMode: 'Filesystem' }],
    restorePowerState: 'On',
  });
};

type Spec = {
  domain: { devices: { disks: unknown[]; interfaces: unknown[] }; resources: unknown };
  networks: unknown[];
  volumes: unknown[];
};

test('an OpenShift VM is a copy of the source with the cloned claims and no dataVolumeTemplates', () => {
  const built = build();
  assertMatchesSchema(built, 'kubevirt');
  assert.equal(built.metadata.name, 'database');
  assert.equal(built.metadata.namespace, 'migrated');
  assert.equal(built.metadata.labels.tier, 'db');
  assert.equal(built.metadata.labels.vmID, 'a1b2c3d4-0000-1111-2222-333344445555');
  assert.equal(built.metadata.labels.guestConverted, undefined);
  // The source's own bookkeeping is not copied; its description is.
  assert.deepEqual(built.metadata.annotations, { description: 'the orders database' });
  assert.equal('dataVolumeTemplates' in built.spec, false);
  assert.equal('running' in built.spec, false);
  assert.equal(built.spec.runStrategy, 'Always');
  assert.deepEqual(built.spec.instancetype, {
    name: 'u1.small',
    kind: 'VirtualMachineClusterInstancetype',
  });
  const spec = built.spec.template.spec as Spec;
  assert.deepEqual(spec.domain.resources, { requests: { memory: '1Gi' } });
  // The unmapped data disk is left out with its volume; the cloud-init volume is kept.
  assert.deepEqual(spec.volumes, [
    { name: 'root', persistentVolumeClaim: { claimName: 'database-root' } },
    { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config\n' } },
  ]);
  assert.deepEqual(spec.domain.devices.disks, [
    { name: 'root', disk: { bus: 'virtio' } },
    { name: 'cloudinit', disk: { bus: 'virtio' } },
  ]);
  assert.deepEqual((built.spec.template.metadata as { labels: unknown }).labels, {
    'kubevirt.io/domain': 'database',
    app: 'database',
  });
});

test('its networks go where the map sends them, interfaces rebound to match, MACs kept', () => {
  const spec = build().spec.template.spec as Spec;
  assert.deepEqual(spec.networks, [
    { name: 'default', multus: { networkName: 'demo/vm-bridge' } },
    { name: 'backend', pod: {} },
  ]);
  assert.deepEqual(spec.domain.devices.interfaces, [
    { name: 'default', macAddress: '02:00:00:00:00:01', bridge: {} },
    { name: 'backend', macAddress: '02:00:00:00:00:02', model: 'virtio', masquerade: {} },
  ]);
});

test('a renamed OpenShift VM carries the rename annotations and its new app label', () => {
  const built = build({ targetName: 'database-copy' });
  assertMatchesSchema(built, 'kubevirt');
  assert.equal(built.metadata.name, 'database-copy');
  assert.equal(built.metadata.annotations?.['openshift.io/display-name'], 'database');
  assert.equal(
    (built.spec.template.metadata as { labels: Record<string, string> }).labels.app,
    'database-copy',
  );
});
