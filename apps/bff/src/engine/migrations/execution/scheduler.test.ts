import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxInFlightOf, runningCost, schedule, waitingMessage } from './scheduler.ts';
import type { VmStatus } from './types.ts';

test('the limit is read from the ForkliftController, 20 when unset or unusable', () => {
  assert.equal(maxInFlightOf({ controller_max_vm_inflight: 2 }), 2);
  assert.equal(maxInFlightOf({}), 20);
  assert.equal(maxInFlightOf({ controller_max_vm_inflight: 0 }), 20);
  assert.equal(maxInFlightOf(undefined), 20);
});

test('VMs started in the same pass count against the limit of their host', () => {
  const result = schedule({
    max: 1,
    candidates: [
      { id: 'a', key: 'host-1', cost: 1 },
      { id: 'b', key: 'host-1', cost: 1 },
      { id: 'c', key: 'host-2', cost: 1 },
    ],
    holders: [],
  });
  assert.deepEqual(result, { start: ['a', 'c'], waiting: ['b'] });
});

test('running VMs of this and other plans hold their slots; a VM dearer than the limit runs alone', () => {
  assert.deepEqual(
    schedule({
      max: 2,
      candidates: [{ id: 'a', key: 'h', cost: 1 }],
      holders: [{ key: 'h', cost: 2 }],
    }),
    { start: [], waiting: ['a'] },
  );
  assert.deepEqual(
    schedule({
      max: 2,
      candidates: [
        { id: 'big', key: 'h', cost: 5 },
        { id: 'x', key: 'h', cost: 1 },
      ],
      holders: [],
    }),
    { start: ['big'], waiting: ['x'] },
  );
  assert.deepEqual(
    schedule({
      max: 4,
      candidates: [{ id: 'a', key: 'h', cost: 3 }],
      holders: [{ key: 'h', cost: 2 }],
    }),
    { start: [], waiting: ['a'] },
  );
});

test('counting disks, a running VM holds one slot per disk not yet copied, none after the copy', () => {
  const vm: VmStatus = {
    id: 'a',
    phase: 'CopyDisks',
    pipeline: [
      {
        name: 'DiskTransfer',
        progress: { completed: 0, total: 2 },
        tasks: [
          { name: 'd1', progress: { completed: 1, total: 1 }, completed: 'now' },
          { name: 'd2', progress: { completed: 0, total: 1 } },
        ],
      },
    ],
  };
  assert.equal(runningCost(vm, 'disks'), 1);
  assert.equal(runningCost(vm, 'vms'), 1);
  assert.equal(runningCost({ ...vm, phase: 'CreateVM' }, 'vms'), 0);
});

test('the plan says how many VMs wait', () => {
  assert.equal(waitingMessage(3, 2), '3 VM(s) waiting to start migration (in-flight limit: 2).');
});
