// How far a migration is, read from the pipeline the engine writes (reference engine.md §1.5,
// §3.8): each VM's state, its disks' MiB copied of the total, throughput and an ETA, and the plan's
// percent over all its VMs. The plans list and the Virtual machines tab read the same figures.
import type { PlanStatus } from './generated/crd-types.ts';

export type MigrationVmStatus = NonNullable<NonNullable<PlanStatus['migration']>['vms']>[number];
export type PipelineStep = MigrationVmStatus['pipeline'][number];
export type PipelineTask = NonNullable<PipelineStep['tasks']>[number];

/** The steps whose tasks are disks and whose progress is MiB copied (Forklift's unit "MB"). */
export const DISK_COPY_STEPS: readonly string[] = ['DiskTransfer', 'DiskTransferV2v'];

export type VmMigrationState = 'Succeeded' | 'Failed' | 'Canceled' | 'Running' | 'Pending';

/** Order of the list's VM icons. */
export const VM_MIGRATION_STATES: readonly VmMigrationState[] = [
  'Succeeded',
  'Failed',
  'Canceled',
  'Running',
  'Pending',
];

type Condition = { type?: string; status?: string; message?: string };

const condition = (vm: { conditions?: Condition[] }, type: string): Condition | undefined =>
  vm.conditions?.find((item) => item.type === type && item.status === 'True');

/** Terminal conditions first (they are durable), then whether the VM has started. */
export const vmMigrationState = (vm: MigrationVmStatus): VmMigrationState => {
  if (condition(vm, 'Canceled')) return 'Canceled';
  if (condition(vm, 'Failed') || vm.error) return 'Failed';
  if (condition(vm, 'Succeeded')) return 'Succeeded';
  if (vm.started && !vm.completed) return 'Running';
  if (vm.completed) return 'Succeeded';
  return 'Pending';
};

/** Still to be cancelled: not completed yet (running, or waiting to start). */
export const isVmCancelable = (vm: MigrationVmStatus): boolean =>
  !vm.completed && vmMigrationState(vm) !== 'Canceled';

/** The engine's words for why a VM waits ("… in-flight limit reached (max 2)."), if it waits. */
export const vmPendingReason = (vm: MigrationVmStatus): string | undefined =>
  vmMigrationState(vm) === 'Pending' ? condition(vm, 'Pending')?.message : undefined;

export type Progress = { completed: number; total: number };

const sum = (items: readonly Progress[]): Progress =>
  items.reduce(
    (total, item) => ({
      completed: total.completed + Math.min(item.completed, item.total),
      total: total.total + item.total,
    }),
    { completed: 0, total: 0 },
  );

/** The disk tasks of a VM: one per disk, in MiB (a status written in part may lack its pipeline). */
export const vmDiskTasks = (vm: MigrationVmStatus): PipelineTask[] =>
  (vm.pipeline ?? [])
    .filter((step) => DISK_COPY_STEPS.includes(step.name))
    .flatMap((step) => step.tasks ?? []);

/** MiB copied of the VM's disks; a succeeded VM counts whole even if the last report lagged. */
export const vmDiskProgress = (vm: MigrationVmStatus): Progress => {
  const progress = sum(vmDiskTasks(vm).map((task) => task.progress));
  return vmMigrationState(vm) === 'Succeeded'
    ? { ...progress, completed: progress.total }
    : progress;
};

/** Whole percent of `progress`, 0 when there is nothing to copy yet. */
export const percentOf = ({ completed, total }: Progress): number =>
  total > 0 ? Math.floor((completed / total) * 100) : 0;

/** The plan's percent: MiB copied over all its VMs' disks. */
export const planMigrationProgress = (
  status: Pick<PlanStatus, 'migration'> | undefined,
): Progress & { percent: number } => {
  const progress = sum((status?.migration?.vms ?? []).map(vmDiskProgress));
  return { ...progress, percent: percentOf(progress) };
};

export type VmStateCounts = Record<VmMigrationState, string[]>;

/** The VMs' names by state, for the list's icons and their popovers. */
export const vmNamesByState = (vms: readonly MigrationVmStatus[]): VmStateCounts => {
  const counts: VmStateCounts = {
    Succeeded: [],
    Failed: [],
    Canceled: [],
    Running: [],
    Pending: [],
  };
  for (const vm of vms) counts[vmMigrationState(vm)].push(vm.name ?? vm.id ?? '');
  return counts;
};

export type TaskTransfer = Progress & {
  percent: number;
  /** MiB per second since the task started, once something was copied. */
  throughput?: number;
  /** Seconds left at that throughput, while the task runs. */
  etaSeconds?: number;
};

/** A disk task's figures at `now`: throughput from its started time, the ETA from that. */
export const taskTransfer = (task: PipelineTask, now: Date): TaskTransfer => {
  const { completed, total } = task.progress;
  const result: TaskTransfer = { completed, total, percent: percentOf(task.progress) };
  const started = task.started ? Date.parse(task.started) : NaN;
  const end = task.completed ? Date.parse(task.completed) : now.getTime();
  const seconds = (end - started) / 1000;
  if (!Number.isFinite(seconds) || seconds <= 0 || completed <= 0) return result;
  result.throughput = completed / seconds;
  if (!task.completed && completed < total) {
    result.etaSeconds = Math.ceil((total - completed) / result.throughput);
  }
  return result;
};

/** The step a VM is at: the running one, else the last started one. */
export const currentStep = (vm: MigrationVmStatus): PipelineStep | undefined =>
  (vm.pipeline ?? []).find((step) => step.started && !step.completed) ??
  [...(vm.pipeline ?? [])].reverse().find((step) => step.started);
