import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, openshiftVm, ovaVm, vsphereVm } from './context.test-support.ts';
import { bootDiskIndex, pvcName } from './names.ts';

test('the default template uses the target name; a subdomain name with dots is adjusted to a label', () => {
  const vm = vsphereVm();
  const dotted = contextOf(vm, { targetName: 'db.example.com' });
  assert.deepEqual(pvcName(dotted, vm.disks[0]!, 0), {
    generateName: 'quarterly-datab-db-example-com-disk-0-',
  });
  const nothingUsable = contextOf({ ...vm, id: '___' }, { targetName: '___' });
  assert.deepEqual(pvcName(nothingUsable, vm.disks[0]!, 0), {
    generateName: 'quarterly-datab-vm-0000-disk-0-',
  });
});

test('OVA disks take the default template with generateName', () => {
  const vm = ovaVm();
  assert.deepEqual(pvcName(contextOf(vm), vm.disks[0]!, 0), {
    generateName: 'quarterly-datab-appliance-disk-0-',
  });
});

test('OpenShift claims keep the source claim’s name unless the plan asks for generateName', () => {
  const vm = openshiftVm();
  assert.deepEqual(pvcName(contextOf(vm), vm.disks[0]!, 0), { name: 'database-root' });
  assert.deepEqual(
    pvcName(contextOf(vm, { planSpec: { pvcNameTemplateUseGenerateName: true } }), vm.disks[0]!, 0),
    { generateName: 'database-root-' },
  );
  const templated = contextOf(vm, {
    settings: { controller_ocp_pvc_name_template: '{{.TargetVmName}}-{{.SourcePVCName}}' },
  });
  assert.deepEqual(pvcName(templated, vm.disks[0]!, 0), { name: 'database-database-root' });
});

test('rootDisk names the boot disk as /dev/sdX, /dev/vdX or an index', () => {
  const vm = vsphereVm();
  const boot = (rootDisk: string | undefined, detected?: number) =>
    bootDiskIndex(contextOf(vm, { planSpec: { vms: [{ id: vm.id, rootDisk }] } }), detected);
  assert.equal(boot('/dev/sda'), 0);
  assert.equal(boot('/dev/vdc'), 2);
  assert.equal(boot('/dev/sdaa'), 26);
  assert.equal(boot('3'), 3);
  assert.equal(boot(undefined, 1), 1);
  assert.equal(boot('not a disk', 1), 1);
  assert.equal(boot(undefined), 0);
});

test('.FileName is the VMDK file of the backing, without datastore or folder', () => {
  const vm = vsphereVm();
  const ctx = contextOf(vm, {
    planSpec: { pvcNameTemplate: '{{.FileName | trimSuffix ".vmdk" | replace "_" "-"}}' },
  });
  assert.deepEqual(pvcName(ctx, vm.disks[1]!, 1), { generateName: 'db-1-' });
  const flat = { ...vm.disks[0]!, source: '[LocalDS_0] flat.vmdk' };
  assert.deepEqual(pvcName(ctx, flat, 0), { generateName: 'flat-' });
});
