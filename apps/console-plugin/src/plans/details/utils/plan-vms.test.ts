import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import {
  addableVms,
  ADDABLE_VMS_SHOWN,
  planVmRows,
  vmsAddPatch,
  vmEditPatch,
  vmRemovePatch,
  vmTargetNameError,
} from './plan-vms.ts';

const plan = (): Plan =>
  ({
    spec: {
      vms: [
        { id: 'vm-1' },
        { id: 'vm-2', name: 'DB_Server' },
        { id: 'vm-3', targetName: 'chosen', luks: { name: 'keys' } },
      ],
    },
  }) as unknown as Plan;

const inventory = [
  { id: 'vm-1', name: 'web-1' },
  { id: 'vm-3', name: 'app' },
];

describe('plan VMs', () => {
  test('each VM shows its source name and the target name it will get', () => {
    const rows = planVmRows(plan(), inventory);
    assert.deepEqual(
      rows.map((row) => [row.sourceName, row.target.name, row.target.source]),
      [
        ['web-1', 'web-1', 'source'],
        ['DB_Server', 'db-server', 'renamed'],
        ['app', 'chosen', 'chosen'],
      ],
    );
  });

  test('a target name must be DNS-1123 and not another VM target', () => {
    assert.match(vmTargetNameError(plan(), inventory, 0, 'Web_1') ?? '', /./);
    assert.match(vmTargetNameError(plan(), inventory, 0, 'chosen') ?? '', /already named chosen/);
    assert.equal(vmTargetNameError(plan(), inventory, 2, 'chosen'), undefined);
    assert.equal(vmTargetNameError(plan(), inventory, 0, 'web-one'), undefined);
  });

  test('an edit sets fields on its VM only and an emptied one is removed', () => {
    const patch = vmEditPatch(plan(), 2, { targetName: '', targetPowerState: 'off' });
    assert.deepEqual(patch.vms[2], { id: 'vm-3', luks: { name: 'keys' }, targetPowerState: 'off' });
    assert.deepEqual(patch.vms[0], { id: 'vm-1' });
  });

  test('NBDE replaces the LUKS secret', () => {
    assert.deepEqual(vmEditPatch(plan(), 2, { nbdeClevis: true }).vms[2], {
      id: 'vm-3',
      targetName: 'chosen',
      nbdeClevis: true,
    });
  });

  test('a VM can be removed, but not the last one', () => {
    assert.deepEqual(
      vmRemovePatch(plan(), 0)?.vms.map((vm) => vm.id),
      ['vm-2', 'vm-3'],
    );
    const single = { spec: { vms: [{ id: 'vm-1' }] } } as unknown as Plan;
    assert.equal(vmRemovePatch(single, 0), undefined);
  });

  test('Add VMs offers the source VMs not in the plan whose name matches, a page at most', () => {
    const many = Array.from({ length: ADDABLE_VMS_SHOWN + 5 }, (_v, i) => ({
      id: `x-${i}`,
      name: `Batch-${i}`,
    }));
    const source = [...inventory, { id: 'vm-9', name: 'Web-2' }, ...many];
    assert.deepEqual(
      addableVms(plan(), source, 'WEB').shown.map((vm) => vm.id),
      ['vm-9'],
    );
    const all = addableVms(plan(), source, 'batch');
    assert.equal(all.shown.length, ADDABLE_VMS_SHOWN);
    assert.equal(all.matching, ADDABLE_VMS_SHOWN + 5);
  });

  test('added VMs are appended by id and name, with their project for OpenShift sources', () => {
    const patch = vmsAddPatch(plan(), [
      { id: 'vm-9', name: 'web-2' },
      { id: 'uid-1', name: 'db', namespace: 'prod' },
    ]);
    assert.deepEqual(patch.vms.slice(3), [
      { id: 'vm-9', name: 'web-2' },
      { id: 'uid-1', name: 'db', namespace: 'prod' },
    ]);
  });
});
