import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  currentStep,
  isVmCancelable,
  planMigrationProgress,
  taskTransfer,
  vmDiskProgress,
  vmMigrationState,
  vmNamesByState,
  vmPendingReason,
} from './migration-progress.ts';
import {
  CANCELED_VM,
  COPYING_VM,
  EXECUTING_PLAN_STATUS,
  FAILED_VM,
  PENDING_VM,
  SUCCEEDED_VM,
} from './migration-fixtures.ts';

test('each VM’s state comes from its durable conditions, its error and its times', () => {
  assert.equal(vmMigrationState(COPYING_VM), 'Running');
  assert.equal(vmMigrationState(FAILED_VM), 'Failed');
  assert.equal(vmMigrationState(CANCELED_VM), 'Canceled');
  assert.equal(vmMigrationState(PENDING_VM), 'Pending');
  assert.equal(vmMigrationState(SUCCEEDED_VM), 'Succeeded');
  assert.equal(
    vmMigrationState({ ...COPYING_VM, error: { phase: 'CopyDisks', reasons: ['x'] } }),
    'Failed',
  );
});

test('only VMs that have not completed can still be canceled', () => {
  assert.deepEqual(
    [COPYING_VM, FAILED_VM, CANCELED_VM, PENDING_VM, SUCCEEDED_VM].map(isVmCancelable),
    [true, false, false, true, false],
  );
});

test('the plan’s percent is MiB copied over all its VMs’ disk tasks, a succeeded VM whole', () => {
  assert.deepEqual(vmDiskProgress(COPYING_VM), { completed: 6144, total: 16384 });
  assert.deepEqual(vmDiskProgress(FAILED_VM), { completed: 1024, total: 4096 });
  assert.deepEqual(
    vmDiskProgress({
      ...SUCCEEDED_VM,
      pipeline: SUCCEEDED_VM.pipeline.map((s) => ({
        ...s,
        tasks: s.tasks?.map((t) => ({ ...t, progress: { completed: 1000, total: 1024 } })),
      })),
    }),
    { completed: 1024, total: 1024 },
  );
  const progress = planMigrationProgress(EXECUTING_PLAN_STATUS);
  // 6144 + 1024 + 0 + 0 + 1024 of 16384 + 4096 + 2048 + 1024 + 1024
  assert.deepEqual(progress, { completed: 8192, total: 24576, percent: 33 });
  assert.deepEqual(planMigrationProgress(undefined), { completed: 0, total: 0, percent: 0 });
});

test('a task reporting more than its total never counts past 100%', () => {
  const vm = {
    ...PENDING_VM,
    pipeline: [
      {
        name: 'DiskTransfer',
        progress: { completed: 0, total: 10 },
        tasks: [{ name: 'd', progress: { completed: 12, total: 10 } }],
      },
    ],
  };
  assert.deepEqual(vmDiskProgress(vm), { completed: 10, total: 10 });
});

test('the VMs’ names grouped by state, for the list’s icons', () => {
  assert.deepEqual(vmNamesByState(EXECUTING_PLAN_STATUS.migration!.vms!), {
    Succeeded: ['mail-01'],
    Failed: ['db-01'],
    Canceled: ['cache-01'],
    Running: ['web-01'],
    Pending: ['app-01'],
  });
});

test('a waiting VM gives the engine’s reason; others give none', () => {
  assert.equal(
    vmPendingReason(PENDING_VM),
    'Waiting to start migration: in-flight limit reached (max 2).',
  );
  assert.equal(vmPendingReason(COPYING_VM), undefined);
});

test('a running disk’s throughput counts from its start, and its ETA from that throughput', () => {
  const task = COPYING_VM.pipeline[1]!.tasks![0]!;
  // 6144 MiB in 40 s: 153.6 MiB/s; 2048 MiB left: 14 s.
  const transfer = taskTransfer(task, new Date('2026-12-03T10:00:50Z'));
  assert.equal(transfer.percent, 75);
  assert.equal(transfer.throughput, 153.6);
  assert.equal(transfer.etaSeconds, 14);
  const waiting = taskTransfer(
    COPYING_VM.pipeline[1]!.tasks![1]!,
    new Date('2026-12-03T10:00:50Z'),
  );
  assert.equal(waiting.throughput, undefined);
  assert.equal(waiting.etaSeconds, undefined);
});

test('a finished disk’s throughput is over its own duration, with no ETA', () => {
  const task = SUCCEEDED_VM.pipeline[1]!.tasks![0]!;
  const transfer = taskTransfer(task, new Date('2026-12-04T00:00:00Z'));
  assert.ok(Math.abs((transfer.throughput ?? 0) - 1024 / 115) < 1e-9);
  assert.equal(transfer.etaSeconds, undefined);
});

test('the current step is the running one, else the last one started', () => {
  assert.equal(currentStep(COPYING_VM)?.name, 'DiskTransfer');
  assert.equal(currentStep(SUCCEEDED_VM)?.name, 'VirtualMachineCreation');
  assert.equal(currentStep(PENDING_VM), undefined);
});
