import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idealSchedule, mean } from './ideal-schedule.ts';

test('each host runs its VMs in waves of the limit, the hosts side by side', () => {
  assert.deepEqual(idealSchedule([50, 50], 4, 1000), { waves: 13, idealMs: 13_000 });
  // The busiest host sets the makespan.
  assert.deepEqual(idealSchedule([3, 9], 4, 500), { waves: 3, idealMs: 1500 });
  assert.deepEqual(idealSchedule([4], 4, 700), { waves: 1, idealMs: 700 });
});

test('no VMs is no wave', () => {
  assert.deepEqual(idealSchedule([], 4, 1000), { waves: 0, idealMs: 0 });
});

test('the mean duration is the plain average', () => {
  assert.equal(mean([10, 20, 60]), 30);
  assert.ok(Number.isNaN(mean([])));
});
