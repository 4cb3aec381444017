import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CANCELED_VM,
  COPYING_VM,
  FAILED_VM,
  PENDING_VM,
  SUCCEEDED_VM,
} from '@forklift-console/api/migration-fixtures';
import { formatDuration, formatMib, migrationVmRows, stepState } from './migration-vms.ts';

test('each VM’s row: its state, the step it is at, its disks and the reason it waits', () => {
  const [copying, failed, canceled, pending, succeeded] = migrationVmRows([
    COPYING_VM,
    FAILED_VM,
    CANCELED_VM,
    PENDING_VM,
    SUCCEEDED_VM,
  ]);
  assert.deepEqual(
    [copying?.state, copying?.step, copying?.percent, copying?.disks],
    ['Running', 'Transfer disks.', 37, { done: 0, total: 2 }],
  );
  assert.deepEqual([failed?.state, failed?.disks], ['Failed', { done: 1, total: 1 }]);
  assert.equal(canceled?.state, 'Canceled');
  assert.equal(pending?.step, undefined);
  assert.equal(
    pending?.pendingReason,
    'Waiting to start migration: in-flight limit reached (max 2).',
  );
  assert.deepEqual([succeeded?.state, succeeded?.percent], ['Succeeded', 100]);
});

test('a step is failed by its error, then done, running or waiting', () => {
  assert.deepEqual(FAILED_VM.pipeline.map(stepState), ['Succeeded', 'Failed', 'Pending']);
  assert.deepEqual(COPYING_VM.pipeline.map(stepState), ['Succeeded', 'Running', 'Pending']);
});

test('durations and rates read the way a person says them', () => {
  assert.equal(formatDuration(14), '14 s');
  assert.equal(formatDuration(185), '3 min 5 s');
  assert.equal(formatDuration(3720), '1 h 2 min');
  assert.equal(formatMib(153.6), '154');
  assert.equal(formatMib(2.54), '2.5');
});
