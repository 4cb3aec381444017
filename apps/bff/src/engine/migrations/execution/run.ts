// Migration.Run (reference engine.md §2.2): begin once per Migration — VMs not yet succeeded are
// reset to the start of a fresh pipeline, VMs gone from the spec dropped —, then every running VM
// advances (side by side), the scheduler starts waiting VMs as far as the in-flight limit allows
// (the rest are Pending, and the plan says how many), and once every VM is done the run ends
// Succeeded, Failed or Canceled.
import { isApiError } from '@forklift-console/controller-runtime';
import { isHostProvider } from '@forklift-console/api';
import { NAMESPACE } from './cluster.ts';
import { targetNamespaceOf, type RunContext, type VmContext } from './context.ts';
import { cancelIfAsked, executeVm } from './execute-vm.ts';
import { firstPhase, flagsOf } from './itinerary.ts';
import { buildPipeline } from './pipeline.ts';
import {
  maxInFlightOf,
  pendingMessage,
  runningCost,
  schedule,
  waitingMessage,
  type Holder,
  type Unit,
} from './scheduler.ts';
import { isRunning, markReset, markStarted } from './timed.ts';
import type { Plan } from '@forklift-console/api';
import type { MigrationStatusOfPlan, PlanVm, Snapshot, VmStatus } from './types.ts';
import { vmContextOf } from './vm-context.ts';
import {
  CANCELED,
  deleteCondition,
  EXECUTING,
  EXECUTION_CONDITIONS,
  FAILED,
  hasCondition,
  PENDING,
  setCondition,
  SUCCEEDED,
} from './vm-conditions.ts';

export type RunInput = {
  run: RunContext;
  status: MigrationStatusOfPlan;
  snapshot: Snapshot;
  /** Other plans, whose running VMs of the same source provider hold slots too. */
  otherPlans: readonly Plan[];
  /** Whether the source provider is Ready, so that a VM it does not list is really gone. */
  sourceReady: boolean;
};

export type RunOutcome = { waiting: number; maxInFlight: number };

const ensureNamespace = async (run: RunContext): Promise<void> => {
  const name = targetNamespaceOf(run);
  if (await run.cluster.read(NAMESPACE, undefined, name)) return;
  try {
    await run.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  } catch (error) {
    if (!isApiError(error, 409)) throw error;
  }
};

const sameVm = (status: VmStatus, vm: PlanVm): boolean =>
  (!!vm.id && vm.id === status.id) || (!vm.id && !!vm.name && vm.name === status.name);

/** A VM status back at the start of its itinerary, with a fresh pipeline. */
const resetVm = (run: RunContext, status: VmStatus): void => {
  deleteCondition(status, CANCELED, FAILED, PENDING);
  markReset(status);
  delete status.error;
  delete status.disksCopied;
  const context = vmContextOf(run, status);
  const flags =
    context?.flags ??
    flagsOf({
      plan: run.plan,
      vm: status,
      sourceProvider: run.sourceProvider,
      destinationProvider: run.destinationProvider,
      storageMap: run.storageMap,
    });
  status.phase = firstPhase(flags);
  status.pipeline = buildPipeline(
    flags,
    (context?.sourceVm.disks ?? []).map((disk) => ({
      name: disk.source,
      capacityBytes: disk.capacityBytes,
    })),
  );
};

const begin = async ({ run, status, snapshot }: RunInput): Promise<void> => {
  delete status.completed;
  delete status.started;
  markStarted(status, run.now);
  setCondition(
    snapshot,
    { type: EXECUTING, category: 'Advisory', message: 'The plan is EXECUTING.', durable: true },
    run.now,
  );
  await ensureNamespace(run);
  const specVms = run.plan.spec?.vms ?? [];
  const known = (status.vms ?? []).filter((vm) => specVms.some((spec) => sameVm(vm, spec)));
  status.vms = specVms.map((spec) => {
    const existing = known.find((vm) => sameVm(vm, spec));
    const vm: VmStatus = existing ?? {
      ...spec,
      id: spec.id ?? run.source.readVm(spec)?.id,
      phase: '',
      pipeline: [],
    };
    if (vm.phase !== 'Completed' || hasCondition(vm, CANCELED) || hasCondition(vm, FAILED)) {
      resetVm(run, vm);
    }
    return vm;
  });
};

/** vSphere counts per ESXi host: VMs for a cold migration into this cluster, disks otherwise. */
const unitOf = (run: RunContext): Unit =>
  run.sourceProvider.spec?.type === 'vsphere' &&
  !(isHostProvider(run.destinationProvider.spec) && !run.plan.spec?.warm)
    ? 'disks'
    : 'vms';

const slotKeyOf = (run: RunContext, vm: VmStatus): string =>
  run.sourceProvider.spec?.type === 'vsphere'
    ? `host:${run.source.readVm({ id: vm.id })?.hostId ?? ''}`
    : `provider:${run.sourceProvider.metadata?.uid ?? ''}`;

const sameSourceProvider = (run: RunContext, plan: Plan): boolean => {
  const ref = plan.spec?.provider?.source;
  return (
    ref?.name === run.sourceProvider.metadata?.name &&
    (ref?.namespace || plan.metadata?.namespace) === run.sourceProvider.metadata?.namespace
  );
};

const holdersOf = (run: RunContext, vms: readonly VmStatus[], unit: Unit): Holder[] =>
  vms
    .filter((vm) => isRunning(vm))
    .map((vm) => ({ key: slotKeyOf(run, vm), cost: runningCost(vm, unit) }));

const otherHolders = (input: RunInput, unit: Unit): Holder[] =>
  input.otherPlans
    .filter(
      (plan) =>
        plan.metadata?.uid !== input.run.plan.metadata?.uid &&
        !plan.spec?.archived &&
        sameSourceProvider(input.run, plan) &&
        (plan.status?.conditions ?? []).some((c) => c.type === EXECUTING && c.status === 'True'),
    )
    .flatMap((plan) => holdersOf(input.run, plan.status?.migration?.vms ?? [], unit));

const isCandidate = (vm: VmStatus): boolean =>
  !vm.started && !vm.completed && !hasCondition(vm, CANCELED) && vm.phase !== 'Completed';

/**
 * Advances the VMs side by side: each phase touches only its own VM's status and objects, so a
 * VM waiting on the source or the API does not hold back the others of the pass. Every VM is let
 * finish before a failure is passed on, so that no VM's work outlives the pass that started it.
 */
const executeAll = async (run: RunContext, vms: readonly VmContext[]): Promise<void> => {
  const results = await Promise.allSettled(vms.map((vm) => executeVm(run, vm)));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
};

const scheduleWaiting = async (input: RunInput, vms: VmStatus[]): Promise<RunOutcome> => {
  const { run } = input;
  const unit = unitOf(run);
  const maxInFlight = maxInFlightOf(run.settings);
  const candidates = [];
  for (const vm of vms.filter(isCandidate)) {
    if (cancelIfAsked(run, vm)) continue;
    const context = vmContextOf(run, vm);
    if (!context) {
      if (input.sourceReady) {
        setCondition(
          vm,
          {
            type: CANCELED,
            category: 'Advisory',
            reason: 'NotFound',
            message: 'VM was not found in inventory.',
            durable: true,
          },
          run.now,
        );
        vm.phase = 'Completed';
      }
      continue;
    }
    candidates.push({
      id: vm.id ?? '',
      key: slotKeyOf(run, vm),
      cost: unit === 'vms' ? 1 : context.sourceVm.disks.length,
    });
  }
  const { start, waiting } = schedule({
    max: maxInFlight,
    candidates,
    holders: [...holdersOf(run, vms, unit), ...otherHolders(input, unit)],
  });
  await executeAll(
    run,
    start.flatMap((id) => {
      const vm = vms.find((candidate) => candidate.id === id);
      const context = vm && vmContextOf(run, vm);
      return context ? [context] : [];
    }),
  );
  for (const id of waiting) {
    const vm = vms.find((candidate) => candidate.id === id);
    if (vm)
      setCondition(
        vm,
        { type: PENDING, category: 'Advisory', message: pendingMessage(maxInFlight) },
        run.now,
      );
  }
  return { waiting: waiting.length, maxInFlight };
};

const end = (input: RunInput, vms: readonly VmStatus[]): void => {
  const { run, status, snapshot } = input;
  if (!vms.every((vm) => vm.completed)) return;
  status.completed ??= run.now.toISOString();
  deleteCondition(snapshot, EXECUTING);
  const outcome = vms.some((vm) => hasCondition(vm, FAILED))
    ? { type: FAILED, message: 'The plan execution has FAILED.' }
    : vms.some((vm) => hasCondition(vm, SUCCEEDED))
      ? { type: SUCCEEDED, message: 'The plan execution has SUCCEEDED.' }
      : { type: CANCELED, message: 'The plan execution has been CANCELED.' };
  setCondition(snapshot, { ...outcome, category: 'Advisory', durable: true }, run.now);
};

export const runMigration = async (input: RunInput): Promise<RunOutcome> => {
  const { run, status, snapshot } = input;
  if (!EXECUTION_CONDITIONS.some((type) => hasCondition(snapshot, type))) await begin(input);
  const vms = status.vms ?? [];
  await executeAll(
    run,
    vms
      .filter((candidate) => isRunning(candidate) && candidate.phase !== 'Completed')
      // A VM the inventory is still (re)loading is looked at on the next pass.
      .flatMap((vm) => vmContextOf(run, vm) ?? []),
  );
  const outcome = await scheduleWaiting(input, vms);
  end(input, vms);
  return outcome;
};

export { waitingMessage };
