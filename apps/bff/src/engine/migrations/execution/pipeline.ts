// A VM's pipeline (reference engine.md §1.5, §2.5, §3.8): the steps its included phases report
// under, one task per disk where bytes move, how steps and the VM reflect their parts, and how a
// phase change moves the step markers. Pure, so the rules are pinned by tests.
import { includedPhases, phaseAfter, stepOfPhase, type Flags, type StepName } from './itinerary.ts';
import { markCompleted, markStarted } from './timed.ts';
import type { ErrorState, Step, Task, VmStatus } from './types.ts';

const DESCRIPTIONS: Record<StepName, string> = {
  Initialize: 'Initialize migration.',
  PreHook: 'Run pre-migration hook.',
  DiskAllocation: 'Allocate disks.',
  DiskTransfer: 'Transfer disks.',
  ImageConversion: 'Convert image to kubevirt.',
  DiskTransferV2v: 'Copy disks.',
  VirtualMachineCreation: 'Create VM.',
  PostHook: 'Run post-migration hook.',
};

const DISK_STEPS = new Set<StepName>(['DiskAllocation', 'DiskTransfer', 'DiskTransferV2v']);

export const MIB = 1024 * 1024;

export type PipelineDisk = { name: string; capacityBytes: number };

const diskTask = (disk: PipelineDisk): Task => ({
  name: disk.name,
  phase: 'Pending',
  progress: { completed: 0, total: Math.ceil(disk.capacityBytes / MIB) },
  annotations: { unit: 'MB' },
});

/** The pipeline of a VM whose itinerary has `flags`; an empty one is the caller's error. */
export const buildPipeline = (flags: Flags, disks: readonly PipelineDisk[]): Step[] => {
  const steps: Step[] = [];
  for (const phase of includedPhases(flags)) {
    const name = stepOfPhase(phase);
    if (!name || steps.some((step) => step.name === name)) continue;
    if (DISK_STEPS.has(name)) {
      const tasks = disks.map(diskTask);
      const total = tasks.reduce((sum, task) => sum + task.progress.total, 0);
      steps.push({
        name,
        description: DESCRIPTIONS[name],
        phase: 'Pending',
        progress: { completed: 0, total },
        annotations: { unit: 'MB' },
        tasks,
      });
    } else {
      steps.push({
        name,
        description: DESCRIPTIONS[name],
        phase: 'Pending',
        progress: { completed: 0, total: 1 },
      });
    }
  }
  return steps;
};

export const findStep = (vm: VmStatus, name: string | undefined): Step | undefined =>
  vm.pipeline.find((step) => step.name === name);

/** Adds reasons to an error state, de-duplicated (reasons are stated again on every pass). */
export const addError = (
  target: { error?: ErrorState },
  phase: string,
  reasons: readonly string[],
): void => {
  const known = target.error?.reasons ?? [];
  target.error = { phase, reasons: [...new Set([...known, ...reasons])] };
};

/** A step from its tasks: the sum of their progress, started by any, completed by all. */
export const reflectStep = (step: Step, now: Date): void => {
  const tasks = step.tasks ?? [];
  if (tasks.length === 0) return;
  step.progress.completed = tasks.reduce((sum, task) => sum + task.progress.completed, 0);
  if (tasks.some((task) => task.started)) step.started ??= now.toISOString();
  if (tasks.every((task) => task.completed)) markCompleted(step, now);
  for (const task of tasks) {
    if (task.error) addError(step, task.error.phase, task.error.reasons);
  }
};

/** The VM from its pipeline: started by any step, completed by all, step errors merged. */
export const reflectVm = (vm: VmStatus, now: Date): void => {
  for (const step of vm.pipeline) reflectStep(step, now);
  if (vm.pipeline.some((step) => step.started)) vm.started ??= now.toISOString();
  if (vm.pipeline.length > 0 && vm.pipeline.every((step) => step.completed)) {
    markCompleted(vm, now);
  }
  for (const step of vm.pipeline) {
    if (step.error) addError(vm, step.error.phase, step.error.reasons);
  }
};

export const startStep = (step: Step, now: Date): void => {
  markStarted(step, now);
  step.phase = 'Running';
};

export const completeStep = (step: Step, now: Date): void => {
  markCompleted(step, now);
  step.phase = 'Completed';
};

/**
 * Moves the VM to the phase after its current one (§2.5): the step it leaves is completed, and the
 * next phase's step, when it is another, is started.
 */
export const nextPhase = (vm: VmStatus, flags: Flags, now: Date): void => {
  const current = findStep(vm, stepOfPhase(vm.phase));
  const next = phaseAfter(flags, vm.phase);
  vm.phase = next;
  if (next === 'Completed') {
    if (current) completeStep(current, now);
    return;
  }
  const nextName = stepOfPhase(next);
  if (current && current.name === nextName) return;
  if (current) completeStep(current, now);
  const step = findStep(vm, nextName);
  if (!step) {
    addError(vm, next, [`Step '${nextName ?? next}' not found`]);
    return;
  }
  startStep(step, now);
};
