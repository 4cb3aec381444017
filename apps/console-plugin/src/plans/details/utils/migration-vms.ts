// What the Virtual machines tab shows of each VM during and after a migration, read from its
// status (the progress rules themselves are packages/api's, shared with the plans list).
import {
  DISK_COPY_STEPS,
  vmDiskProgress,
  vmDiskTasks,
  vmMigrationState,
  vmPendingReason,
  percentOf,
  currentStep,
  type MigrationVmStatus,
  type PipelineStep,
  type VmMigrationState,
} from '@forklift-console/api';

export type MigrationVmRow = {
  id: string;
  name: string;
  state: VmMigrationState;
  /** The step it is at, by its description ("Transfer disks."), if it has started. */
  step?: string;
  percent: number;
  disks: { done: number; total: number };
  pendingReason?: string;
  started?: string;
  completed?: string;
  /** The target VM's name: the renamed one when the source name was not DNS-1123. */
  targetName: string;
  vm: MigrationVmStatus;
};

export const migrationVmRows = (vms: readonly MigrationVmStatus[]): MigrationVmRow[] =>
  vms.map((vm) => {
    const tasks = vmDiskTasks(vm);
    const name = vm.name ?? vm.id ?? '';
    const step = currentStep(vm);
    return {
      id: vm.id ?? name,
      name,
      state: vmMigrationState(vm),
      step: step?.description ?? step?.name,
      percent: percentOf(vmDiskProgress(vm)),
      disks: { done: tasks.filter((task) => task.completed).length, total: tasks.length },
      pendingReason: vmPendingReason(vm),
      started: vm.started,
      completed: vm.completed,
      targetName: vm.targetName ?? vm.newName ?? name,
      vm,
    };
  });

/** A step's state, drawn with the same icons as a VM's. */
export const stepState = (step: PipelineStep): VmMigrationState => {
  if (step.error) return 'Failed';
  if (step.completed) return 'Succeeded';
  if (step.started) return 'Running';
  return 'Pending';
};

export const isDiskStep = (step: PipelineStep): boolean => DISK_COPY_STEPS.includes(step.name);

/** "1 h 2 min", "3 min 5 s", "42 s": an ETA or a duration, to the second. */
export const formatDuration = (seconds: number): string => {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
};

/** MiB with one decimal under 10, whole above: "153 MiB/s", "2.5 MiB/s". */
export const formatMib = (mib: number): string =>
  mib >= 10 ? `${Math.round(mib)}` : `${Math.round(mib * 10) / 10}`;
