// execute(vm) (reference engine.md §2.4): a VM whose id the Migration cancels is Canceled;
// otherwise its current phase runs and, when it says so, the VM moves to the next phase. After
// the phase the pipeline is reflected onto the VM: a VM done without error Succeeded (and its
// temporary objects go), a VM with an error Failed.
import { ApiException } from '@kubernetes/client-node';
import { cleanupVm } from './cleanup.ts';
import type { RunContext, VmContext } from './context.ts';
import type { VmStatus } from './types.ts';
import { stepOfPhase } from './itinerary.ts';
import { addError, findStep, nextPhase, reflectVm } from './pipeline.ts';
import { PHASES } from './phases/index.ts';
import { markCompleted } from './timed.ts';
import {
  CANCELED,
  deleteCondition,
  FAILED,
  PENDING,
  setCondition,
  SUCCEEDED,
} from './vm-conditions.ts';

/** The ids the Migration's spec.cancel names (refs by name are resolved through the VMs known). */
export const canceledIds = (run: RunContext): Set<string> => {
  const vms = run.plan.status?.migration?.vms ?? [];
  return new Set(
    (run.migration.spec?.cancel ?? []).flatMap((ref) => {
      if (ref.id) return [ref.id];
      const byName = vms.find((vm) => vm.name === ref.name);
      return byName?.id ? [byName.id] : [];
    }),
  );
};

const isRetryable = (error: unknown): boolean =>
  error instanceof ApiException &&
  (error.code === 409 || error.code === 429 || error.code >= 500 || error.code === 0);

const failVm = (run: RunContext, vm: VmContext): void => {
  vm.status.phase = 'Completed';
  markCompleted(vm.status, run.now);
  setCondition(
    vm.status,
    { type: FAILED, category: 'Advisory', message: 'The VM migration has FAILED.', durable: true },
    run.now,
  );
};

/** Runs phases while they finish at once, so a fast VM is not held back a poll per phase. */
const runPhases = async (run: RunContext, vm: VmContext): Promise<void> => {
  for (let guard = 0; guard < 20 && vm.status.phase !== 'Completed'; guard += 1) {
    const handler = PHASES[vm.status.phase as keyof typeof PHASES];
    if (!handler) {
      addError(vm.status, vm.status.phase, [`Phase [${vm.status.phase}] unknown`]);
      vm.status.phase = 'Completed';
      return;
    }
    const result = await handler(run, vm);
    reflectVm(vm.status, run.now);
    if (vm.status.error || result === 'wait') return;
    nextPhase(vm.status, vm.flags, run.now);
  }
};

/** A VM the Migration cancels is Canceled and done; its cleanup follows on the next pass. */
export const cancelIfAsked = (run: RunContext, status: VmStatus): boolean => {
  if (!canceledIds(run).has(status.id ?? '')) return false;
  deleteCondition(status, PENDING);
  setCondition(
    status,
    {
      type: CANCELED,
      category: 'Advisory',
      reason: 'UserRequested',
      message: 'The VM migration was canceled.',
      durable: true,
    },
    run.now,
  );
  status.phase = 'Completed';
  return true;
};

export const executeVm = async (run: RunContext, vm: VmContext): Promise<void> => {
  deleteCondition(vm.status, PENDING);
  if (cancelIfAsked(run, vm.status)) return;
  try {
    await runPhases(run, vm);
  } catch (error) {
    // A conflict or an API server away is retried by the next pass; anything else — a source
    // that refuses, an object the cluster rejects — is the VM's error, said where it happened.
    if (isRetryable(error)) throw error;
    const step = findStep(vm.status, stepOfPhase(vm.status.phase));
    addError(step ?? vm.status, vm.status.phase, [
      error instanceof Error ? error.message : String(error),
    ]);
    run.logger.warn(
      { vm: vm.status.id, phase: vm.status.phase, err: String(error) },
      'VM phase failed',
    );
  }
  reflectVm(vm.status, run.now);
  if (vm.status.error) {
    failVm(run, vm);
    await cleanupVm(run, vm.status, { forced: false });
    return;
  }
  if (vm.status.phase === 'Completed') {
    markCompleted(vm.status, run.now);
    setCondition(
      vm.status,
      {
        type: SUCCEEDED,
        category: 'Advisory',
        message: 'The VM migration has SUCCEEDED.',
        durable: true,
      },
      run.now,
    );
    await cleanupVm(run, vm.status, { forced: false });
  }
};
