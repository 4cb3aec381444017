import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { EXECUTING_PLAN_STATUS } from '@forklift-console/api/migration-fixtures';
import { cancelableVms, cancelSelection } from './cancelable-vms.ts';

const spec = {
  provider: { source: { name: 's' }, destination: { name: 'd' } },
  targetNamespace: 'demo',
  map: { network: { name: 'n' }, storage: { name: 's' } },
  vms: [{ id: 'vm-101', name: 'web-01' }, { id: 'vm-104' }],
};

test('while the engine runs, the VMs it has not finished with: running and waiting ones', () => {
  const plan: Plan = { spec, status: EXECUTING_PLAN_STATUS };
  assert.deepEqual(cancelableVms(plan), [
    { id: 'vm-101', name: 'web-01' },
    { id: 'vm-104', name: 'app-01' },
  ]);
});

test('before the engine wrote any VM status, every VM of the plan', () => {
  assert.deepEqual(cancelableVms({ spec }), [
    { id: 'vm-101', name: 'web-01' },
    { id: 'vm-104', name: 'vm-104' },
  ]);
});

test('a VM named without its id takes it from the inventory; one the inventory lacks is left out', () => {
  const named: Plan = { spec: { ...spec, vms: [{ name: 'web-01' }, { name: 'gone' }] } };
  assert.deepEqual(cancelableVms(named, [{ id: 'vm-101', name: 'web-01' }]), [
    { id: 'vm-101', name: 'web-01' },
  ]);
});

test('Cancel selected hands over the selected VMs still cancelable, only while a migration runs', () => {
  const cancelable = cancelableVms({ spec, status: EXECUTING_PLAN_STATUS });
  assert.deepEqual(cancelSelection(['vm-104', 'vm-102', 'vm-101'], cancelable, true), {
    ids: ['vm-104', 'vm-101'],
  });
  assert.deepEqual(cancelSelection(['vm-102', 'vm-105'], cancelable, true), {
    ids: [],
    block: 'noneSelected',
  });
  assert.deepEqual(cancelSelection(['vm-101'], cancelable, false), { ids: [], block: 'notActive' });
});
