// How a DataVolume's status becomes its disk task's progress (reference engine.md §8.2 table and
// §10): CDI's phase and its `progress` string ("45.32%" or "N/A"), the reason of a waiting import
// from its Bound/Running conditions, a failed import's cause. Pure.
import { addError } from './pipeline.ts';
import { markCompleted, markStarted } from './timed.ts';
import type { Step, Task } from './types.ts';

export type DataVolumeCondition = {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
};

export type DataVolumeStatus = {
  phase?: string;
  progress?: string;
  restartCount?: number;
  conditions?: DataVolumeCondition[];
};

/** Importer restarts Forklift tolerates before it fails the disk (IMPORTER_RETRY). */
export const IMPORTER_RETRY = 3;

/** CDI's progress string as a fraction in [0, 1]; undefined for "N/A" or anything else. */
export const progressFraction = (progress: string | undefined): number | undefined => {
  const match = /^(\d+(?:\.\d+)?)%$/.exec(progress?.trim() ?? '');
  if (!match) return undefined;
  return Math.min(1, Math.max(0, Number(match[1]) / 100));
};

const IN_PROGRESS = new Set(['ImportInProgress', 'CloneInProgress', 'CSICloneInProgress']);

const waitingReason = (conditions: readonly DataVolumeCondition[] = []): string | undefined => {
  const said = ['Bound', 'Running']
    .map((type) => conditions.find((condition) => condition.type === type))
    .filter((condition) => condition && condition.status !== 'True' && condition.message)
    .map((condition) => condition?.message ?? '');
  return said.length > 0 ? said.join('; ') : undefined;
};

const failureReason = (status: DataVolumeStatus): string => {
  const running = status.conditions?.find((condition) => condition.type === 'Running');
  return running?.message || running?.reason || 'The disk import failed.';
};

/**
 * Updates the task of one disk from its DataVolume's status. `conversionFollows` makes a
 * PendingPopulation DataVolume count as copied, as Forklift does when virt-v2v comes next.
 */
export const updateTaskFromDataVolume = (
  task: Task,
  status: DataVolumeStatus | undefined,
  { now, conversionFollows }: { now: Date; conversionFollows: boolean },
): void => {
  const phase = status?.phase ?? '';
  if (phase === 'Succeeded' || (phase === 'PendingPopulation' && conversionFollows)) {
    task.progress.completed = task.progress.total;
    task.phase = 'Completed';
    delete task.reason;
    markCompleted(task, now);
    return;
  }
  if (phase === 'Failed' || (status?.restartCount ?? 0) > IMPORTER_RETRY) {
    markStarted(task, now);
    addError(task, 'Failed', [failureReason(status ?? {})]);
    markCompleted(task, now);
    return;
  }
  if (IN_PROGRESS.has(phase)) {
    markStarted(task, now);
    task.phase = 'Running';
    delete task.reason;
    const fraction = progressFraction(status?.progress);
    if (fraction !== undefined) {
      // Never backwards: an importer that restarts reports from zero again.
      task.progress.completed = Math.max(
        task.progress.completed,
        Math.floor(fraction * task.progress.total),
      );
    }
    return;
  }
  task.phase = 'Pending';
  const reason = waitingReason(status?.conditions);
  if (reason) task.reason = reason;
  else delete task.reason;
};

/** A disk step's phase from its tasks: Pending if any waits, Running if any runs, else Completed. */
export const stepPhaseFromTasks = (step: Step): string => {
  const tasks = step.tasks ?? [];
  if (tasks.some((task) => task.phase === 'Pending')) return 'Pending';
  if (tasks.some((task) => task.phase === 'Running')) return 'Running';
  return tasks.every((task) => task.completed) ? 'Completed' : 'Running';
};
