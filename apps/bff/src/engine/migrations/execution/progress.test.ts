import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressFraction, stepPhaseFromTasks, updateTaskFromDataVolume } from './progress.ts';
import type { Task } from './types.ts';

const now = new Date('2026-12-03T10:00:00Z');
const task = (): Task => ({
  name: 'disk',
  progress: { completed: 0, total: 200 },
  phase: 'Pending',
});
const options = { now, conversionFollows: false };

test("CDI's progress string reads as a fraction, and N/A as nothing", () => {
  assert.equal(progressFraction('45.32%'), 0.4532);
  assert.equal(progressFraction('100.0%'), 1);
  assert.equal(progressFraction('N/A'), undefined);
  assert.equal(progressFraction(undefined), undefined);
});

test('an import in progress runs the task with its share of the total, never backwards', () => {
  const disk = task();
  updateTaskFromDataVolume(disk, { phase: 'ImportInProgress', progress: '45.32%' }, options);
  assert.equal(disk.phase, 'Running');
  assert.equal(disk.progress.completed, 90);
  assert.equal(disk.started, now.toISOString());
  updateTaskFromDataVolume(disk, { phase: 'ImportInProgress', progress: 'N/A' }, options);
  assert.equal(disk.progress.completed, 90);
});

test('a succeeded DataVolume completes the task; PendingPopulation only when conversion follows', () => {
  const disk = task();
  updateTaskFromDataVolume(disk, { phase: 'PendingPopulation' }, options);
  assert.equal(disk.completed, undefined);
  updateTaskFromDataVolume(disk, { phase: 'PendingPopulation' }, { now, conversionFollows: true });
  assert.equal(disk.completed, now.toISOString());
  const other = task();
  updateTaskFromDataVolume(other, { phase: 'Succeeded', progress: '100.0%' }, options);
  assert.deepEqual([other.phase, other.progress.completed], ['Completed', 200]);
});

test('a waiting import says why, from its Bound and Running conditions', () => {
  const disk = task();
  updateTaskFromDataVolume(
    disk,
    {
      phase: 'ImportScheduled',
      conditions: [
        { type: 'Bound', status: 'False', message: 'PVC disk Pending' },
        { type: 'Running', status: 'False', message: 'Import not started' },
      ],
    },
    options,
  );
  assert.equal(disk.phase, 'Pending');
  assert.equal(disk.reason, 'PVC disk Pending; Import not started');
});

test('a failed import, or one restarted more than three times, fails the task with its cause', () => {
  const disk = task();
  updateTaskFromDataVolume(
    disk,
    {
      phase: 'Failed',
      conditions: [{ type: 'Running', status: 'False', message: '401 Unauthorized' }],
    },
    options,
  );
  assert.deepEqual(disk.error, { phase: 'Failed', reasons: ['401 Unauthorized'] });
  const restarted = task();
  updateTaskFromDataVolume(restarted, { phase: 'ImportInProgress', restartCount: 4 }, options);
  assert.ok(restarted.error);
});

test('a disk step is Pending while any task waits, Running while any runs', () => {
  const tasks = [task(), task()];
  assert.equal(
    stepPhaseFromTasks({ name: 's', progress: { completed: 0, total: 1 }, tasks }),
    'Pending',
  );
  tasks[0]!.phase = 'Running';
  tasks[1]!.phase = 'Completed';
  tasks[1]!.completed = now.toISOString();
  assert.equal(
    stepPhaseFromTasks({ name: 's', progress: { completed: 0, total: 1 }, tasks }),
    'Running',
  );
});
