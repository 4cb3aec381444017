// Plan migration statuses written by hand after Forklift's shapes (reference engine.md §1.5, §3.8):
// what a cold vSphere plan looks like mid-run. For the tests of the rules and the pages that read
// them; not part of the API's index.
import type { MigrationVmStatus, PipelineStep } from './migration-progress.ts';
import type { PlanStatus } from './generated/crd-types.ts';

const step = (
  name: string,
  description: string,
  extra: Partial<PipelineStep> = {},
): PipelineStep => ({
  name,
  description,
  phase: 'Pending',
  progress: { completed: 0, total: 1 },
  ...extra,
});

const done = (started: string, completed: string) => ({
  phase: 'Completed',
  started,
  completed,
  progress: { completed: 1, total: 1 },
});

/** Copying its two disks: 6,144 of 16,384 MiB, started at 10:00:00, 10:00:40 now and then. */
export const COPYING_VM: MigrationVmStatus = {
  id: 'vm-101',
  name: 'web-01',
  phase: 'CopyDisks',
  started: '2026-12-03T10:00:00Z',
  restorePowerState: 'On',
  pipeline: [
    step(
      'Initialize',
      'Initialize migration.',
      done('2026-12-03T10:00:00Z', '2026-12-03T10:00:10Z'),
    ),
    step('DiskTransfer', 'Transfer disks.', {
      phase: 'Running',
      started: '2026-12-03T10:00:10Z',
      annotations: { unit: 'MB' },
      progress: { completed: 6144, total: 16384 },
      tasks: [
        {
          name: '[datastore1] web-01/web-01.vmdk',
          phase: 'Running',
          started: '2026-12-03T10:00:10Z',
          annotations: { unit: 'MB' },
          progress: { completed: 6144, total: 8192 },
        },
        {
          name: '[datastore1] web-01/web-01_1.vmdk',
          phase: 'Pending',
          annotations: { unit: 'MB' },
          progress: { completed: 0, total: 8192 },
        },
      ],
    }),
    step('VirtualMachineCreation', 'Create VM.'),
  ],
};

/** Its disk copy failed: the importer gave up, Forklift put the reasons on the step and the VM. */
export const FAILED_VM: MigrationVmStatus = {
  id: 'vm-102',
  name: 'db-01',
  phase: 'Completed',
  started: '2026-12-03T10:00:00Z',
  completed: '2026-12-03T10:05:00Z',
  error: {
    phase: 'CopyDisks',
    reasons: ['Importer pod failed: unable to read the source disk: 403 Forbidden'],
  },
  conditions: [
    {
      type: 'Failed',
      status: 'True',
      category: 'Advisory',
      durable: true,
      message: 'The VM migration has FAILED.',
      lastTransitionTime: '2026-12-03T10:05:00Z',
    },
  ],
  pipeline: [
    step(
      'Initialize',
      'Initialize migration.',
      done('2026-12-03T10:00:00Z', '2026-12-03T10:00:05Z'),
    ),
    step('DiskTransfer', 'Transfer disks.', {
      phase: 'Completed',
      started: '2026-12-03T10:00:05Z',
      completed: '2026-12-03T10:05:00Z',
      annotations: { unit: 'MB' },
      progress: { completed: 1024, total: 4096 },
      error: {
        phase: 'CopyDisks',
        reasons: ['Importer pod failed: unable to read the source disk: 403 Forbidden'],
      },
      tasks: [
        {
          name: '[datastore1] db-01/db-01.vmdk',
          phase: 'Completed',
          started: '2026-12-03T10:00:05Z',
          completed: '2026-12-03T10:05:00Z',
          progress: { completed: 1024, total: 4096 },
        },
      ],
    }),
    step('VirtualMachineCreation', 'Create VM.'),
  ],
};

/** Canceled by the user before it copied anything. */
export const CANCELED_VM: MigrationVmStatus = {
  id: 'vm-103',
  name: 'cache-01',
  phase: 'Completed',
  started: '2026-12-03T10:00:00Z',
  completed: '2026-12-03T10:01:00Z',
  conditions: [
    {
      type: 'Canceled',
      status: 'True',
      category: 'Advisory',
      reason: 'UserRequested',
      durable: true,
      lastTransitionTime: '2026-12-03T10:01:00Z',
    },
  ],
  pipeline: [
    step(
      'Initialize',
      'Initialize migration.',
      done('2026-12-03T10:00:00Z', '2026-12-03T10:01:00Z'),
    ),
    step('DiskTransfer', 'Transfer disks.', {
      annotations: { unit: 'MB' },
      progress: { completed: 0, total: 2048 },
      tasks: [
        { name: '[datastore1] cache-01/cache-01.vmdk', progress: { completed: 0, total: 2048 } },
      ],
    }),
  ],
};

/** Not started: the in-flight limit holds it back. */
export const PENDING_VM: MigrationVmStatus = {
  id: 'vm-104',
  name: 'app-01',
  phase: 'Started',
  conditions: [
    {
      type: 'Pending',
      status: 'True',
      category: 'Advisory',
      message: 'Waiting to start migration: in-flight limit reached (max 2).',
      lastTransitionTime: '2026-12-03T10:00:00Z',
    },
  ],
  pipeline: [
    step('Initialize', 'Initialize migration.'),
    step('DiskTransfer', 'Transfer disks.', {
      annotations: { unit: 'MB' },
      progress: { completed: 0, total: 1024 },
      tasks: [{ name: '[datastore1] app-01/app-01.vmdk', progress: { completed: 0, total: 1024 } }],
    }),
  ],
};

/** Done: both steps completed, its disk whole. */
export const SUCCEEDED_VM: MigrationVmStatus = {
  id: 'vm-105',
  name: 'mail-01',
  phase: 'Completed',
  started: '2026-12-03T10:00:00Z',
  completed: '2026-12-03T10:03:00Z',
  conditions: [
    {
      type: 'Succeeded',
      status: 'True',
      category: 'Advisory',
      durable: true,
      message: 'The VM migration has SUCCEEDED.',
      lastTransitionTime: '2026-12-03T10:03:00Z',
    },
  ],
  pipeline: [
    step(
      'Initialize',
      'Initialize migration.',
      done('2026-12-03T10:00:00Z', '2026-12-03T10:00:05Z'),
    ),
    step('DiskTransfer', 'Transfer disks.', {
      phase: 'Completed',
      started: '2026-12-03T10:00:05Z',
      completed: '2026-12-03T10:02:00Z',
      annotations: { unit: 'MB' },
      progress: { completed: 1024, total: 1024 },
      tasks: [
        {
          name: '[datastore1] mail-01/mail-01.vmdk',
          phase: 'Completed',
          started: '2026-12-03T10:00:05Z',
          completed: '2026-12-03T10:02:00Z',
          progress: { completed: 1024, total: 1024 },
        },
      ],
    }),
    step(
      'VirtualMachineCreation',
      'Create VM.',
      done('2026-12-03T10:02:00Z', '2026-12-03T10:03:00Z'),
    ),
  ],
};

/** A plan executing those five VMs, its Migration `demo/plan-1-x7k2p` active. */
export const EXECUTING_PLAN_STATUS: PlanStatus = {
  conditions: [
    {
      type: 'Ready',
      status: 'True',
      category: 'Required',
      lastTransitionTime: '2026-12-03T09:59:00Z',
    },
    {
      type: 'Executing',
      status: 'True',
      category: 'Advisory',
      durable: true,
      message: 'The plan is EXECUTING.',
      lastTransitionTime: '2026-12-03T10:00:00Z',
    },
  ],
  migration: {
    started: '2026-12-03T10:00:00Z',
    vms: [COPYING_VM, FAILED_VM, CANCELED_VM, PENDING_VM, SUCCEEDED_VM],
  },
};
