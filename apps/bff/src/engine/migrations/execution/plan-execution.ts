// The plan's execution (reference engine.md §2.1 step 10): the active Migration's snapshot in
// status.migration.history, checked against the objects it was taken of; canceled VMs cleaned up
// and their sources powered back on; the next pending Migration made active; the run; and the
// snapshot's Executing/Succeeded/Failed/Canceled copied onto the plan. Everything is decided from
// the plan's status and the objects found by label: a pass after a crash picks up where it was.
import type { KubeConfig, KubernetesObject, V1Secret } from '@kubernetes/client-node';
import type {
  ForkliftController,
  Migration,
  NetworkMap,
  Plan,
  Provider,
  StorageMap,
} from '@forklift-console/api';
import { FAST_REQUEUE_MS, SLOW_REQUEUE_MS } from '@forklift-console/controller-runtime';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import type { Logger } from '../../../logging.ts';
import type { Condition } from '../../conditions.ts';
import type { SourceAdapter } from '../sources/index.ts';
import { cleanupPlanStorage, cleanupVm } from './cleanup.ts';
import { clusterOf } from './cluster.ts';
import type { RunContext } from './context.ts';
import { completeStep } from './pipeline.ts';
import { runMigration, waitingMessage } from './run.ts';
import { markCompleted } from './timed.ts';
import type { MigrationStatusOfPlan, Snapshot, SnapshotRef } from './types.ts';
import {
  CANCELED,
  deleteCondition,
  EXECUTING,
  EXECUTION_CONDITIONS,
  FAILED,
  hasCondition,
  isTerminal,
  setCondition,
  SUCCEEDED,
} from './vm-conditions.ts';

export type PlanExecutionInput = {
  kubeConfig: KubeConfig;
  plan: Plan;
  /** The Migrations in the plan's namespace. */
  migrations: readonly Migration[];
  sourceProvider: Provider;
  destinationProvider: Provider;
  networkMap: NetworkMap;
  storageMap: StorageMap;
  settings: ForkliftController['spec'] | undefined;
  providerSecret: V1Secret | undefined;
  inventory: ProviderInventory;
  /** The DataVolumes the engine's watch has seen, for following copies without an API call. */
  watchedDataVolumes: () => readonly KubernetesObject[];
  otherPlans: readonly Plan[];
  sourceReady: boolean;
  /** The provider's adapter, kept open across passes by the caller. */
  openSource: () => SourceAdapter;
  now: Date;
  logger: Logger;
};

export type PlanExecution = {
  migration: MigrationStatusOfPlan;
  /** The plan's Executing/Succeeded/Failed/Canceled as they stand now. */
  conditions: Condition[];
  /** Replaces the Ready message while VMs wait for a slot. */
  readyMessage?: string;
  requeueAfterMs?: number;
};

type Meta = { metadata?: { name?: string; namespace?: string; uid?: string; generation?: number } };

const sref = (object: Meta): SnapshotRef => ({
  namespace: object.metadata?.namespace ?? '',
  name: object.metadata?.name ?? '',
  uid: object.metadata?.uid ?? '',
  generation: object.metadata?.generation ?? 0,
});

const newSnapshot = (input: PlanExecutionInput, migration: Migration): Snapshot => ({
  conditions: [],
  plan: sref(input.plan),
  migration: sref(migration),
  provider: { source: sref(input.sourceProvider), destination: sref(input.destinationProvider) },
  map: { network: sref(input.networkMap), storage: sref(input.storageMap) },
});

/** The object a snapshot names, re-created since (another UID) or gone. */
const modified = (input: PlanExecutionInput, snapshot: Snapshot): boolean =>
  snapshot.plan.uid !== input.plan.metadata?.uid ||
  snapshot.provider.source.uid !== input.sourceProvider.metadata?.uid ||
  snapshot.provider.destination.uid !== input.destinationProvider.metadata?.uid ||
  snapshot.map.network.uid !== input.networkMap.metadata?.uid ||
  (input.plan.spec?.type !== 'conversion' &&
    snapshot.map.storage.uid !== input.storageMap.metadata?.uid);

const refersToPlan = (plan: Plan, migration: Migration): boolean =>
  migration.spec?.plan?.name === plan.metadata?.name &&
  (migration.spec?.plan?.namespace || migration.metadata?.namespace) === plan.metadata?.namespace;

const byCreation = (a: Migration, b: Migration): number =>
  (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') ||
  `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(
    `${b.metadata?.namespace}/${b.metadata?.name}`,
  );

/** Migrations of the plan not yet run: none of its snapshots, nor it, is done. */
const pendingMigrations = (
  input: PlanExecutionInput,
  history: readonly Snapshot[],
): Migration[] => {
  const done = new Set(
    history.filter((snapshot) => isTerminal(snapshot)).map((snapshot) => snapshot.migration.uid),
  );
  return input.migrations
    .filter((migration) => refersToPlan(input.plan, migration))
    .filter((migration) => !migration.metadata?.deletionTimestamp)
    .filter((migration) => !done.has(migration.metadata?.uid ?? ''))
    .filter((migration) => !isTerminal(migration.status ?? {}))
    .sort(byCreation);
};

const runContextOf = (
  input: PlanExecutionInput,
  migration: Migration,
  source: SourceAdapter,
): RunContext => ({
  kubeConfig: input.kubeConfig,
  cluster: clusterOf(input.kubeConfig),
  plan: input.plan,
  migration,
  sourceProvider: input.sourceProvider,
  destinationProvider: input.destinationProvider,
  networkMap: input.networkMap,
  storageMap: input.storageMap,
  settings: input.settings,
  providerSecret: input.providerSecret,
  inventory: input.inventory,
  watchedDataVolumes: input.watchedDataVolumes,
  source,
  now: input.now,
  logger: input.logger,
});

/** The Migration a snapshot names, or what the snapshot remembers of one that is gone. */
const migrationOf = (input: PlanExecutionInput, snapshot: Snapshot): Migration =>
  input.migrations.find((migration) => migration.metadata?.uid === snapshot.migration.uid) ??
  ({
    metadata: {
      name: snapshot.migration.name,
      namespace: snapshot.migration.namespace,
      uid: snapshot.migration.uid,
    },
    spec: { plan: { name: input.plan.metadata?.name } },
  } as Migration);

/** Cancel() (§7.1): each canceled VM not yet done is cleaned up, its source powered back on. */
const finishCanceled = async (run: RunContext, status: MigrationStatusOfPlan): Promise<void> => {
  for (const vm of status.vms ?? []) {
    if (!hasCondition(vm, CANCELED) || vm.completed) continue;
    await cleanupVm(run, vm, { forced: true }).catch((error: unknown) =>
      run.logger.warn({ vm: vm.id, err: String(error) }, 'cleanup of a canceled VM failed'),
    );
    if (vm.restorePowerState === 'On') {
      const sourceVm = run.source.readVm({ id: vm.id, name: vm.name, namespace: vm.namespace });
      if (sourceVm) await run.source.powerOn(sourceVm);
    }
    for (const step of vm.pipeline) if (step.started) completeStep(step, run.now);
    markCompleted(vm, run.now);
  }
};

/** The snapshot's execution conditions, as the plan carries them. */
const planConditionsOf = (snapshot: Snapshot | undefined): Condition[] =>
  (snapshot?.conditions ?? [])
    .filter((condition) => EXECUTION_CONDITIONS.includes(condition.type))
    .map((condition) => condition as Condition);

export const executePlan = async (input: PlanExecutionInput): Promise<PlanExecution> => {
  const status: MigrationStatusOfPlan = structuredClone(input.plan.status?.migration ?? {});
  const history = (status.history ??= []);
  let active = history.at(-1);
  if (active && isTerminal(active)) active = undefined;
  const { openSource } = input;
  if (active) {
    const found = input.migrations.find(
      (migration) =>
        migration.metadata?.name === active?.migration.name &&
        migration.metadata?.namespace === active?.migration.namespace,
    );
    const reason =
      !found || found.metadata?.uid !== active.migration.uid
        ? 'Deleted'
        : modified(input, active)
          ? 'Modified'
          : undefined;
    if (reason) {
      deleteCondition(active, EXECUTING);
      setCondition(
        active,
        {
          type: CANCELED,
          category: 'Advisory',
          reason,
          message: 'The migration has been CANCELED.',
          durable: true,
        },
        input.now,
      );
      status.completed ??= input.now.toISOString();
    }
  }
  const last = history.at(-1);
  if (last && hasCondition(last, CANCELED)) {
    for (const vm of status.vms ?? []) {
      if (hasCondition(vm, SUCCEEDED) || hasCondition(vm, FAILED) || hasCondition(vm, CANCELED))
        continue;
      setCondition(
        vm,
        {
          type: CANCELED,
          category: 'Advisory',
          reason: 'Modified',
          message: 'The VM migration was canceled.',
          durable: true,
        },
        input.now,
      );
      vm.phase = 'Completed';
    }
  }
  if (last && (status.vms ?? []).some((vm) => hasCondition(vm, CANCELED) && !vm.completed)) {
    await finishCanceled(runContextOf(input, migrationOf(input, last), openSource()), status);
  }
  if (active && isTerminal(active)) active = undefined;

  const pending = pendingMigrations(input, history);
  const next = pending[0];
  if (!active && next) {
    active = newSnapshot(input, next);
    history.push(active);
  }
  if (!active) {
    const conditions = planConditionsOf(history.at(-1)).filter((c) => c.type !== 'Executing');
    return { migration: status, conditions };
  }
  const run = runContextOf(input, migrationOf(input, active), openSource());
  const outcome = await runMigration({
    run,
    status,
    snapshot: active,
    otherPlans: input.otherPlans,
    sourceReady: input.sourceReady,
  });
  const done = isTerminal(active);
  return {
    migration: status,
    conditions: planConditionsOf(active),
    ...(outcome.waiting > 0
      ? { readyMessage: waitingMessage(outcome.waiting, outcome.maxInFlight) }
      : {}),
    requeueAfterMs: !done ? SLOW_REQUEUE_MS : pending.length > 1 ? FAST_REQUEUE_MS : undefined,
  };
};

/** Archive (§7.3): every VM's forced cleanup (a succeeded VM keeps its VM and disks), the share. */
export const archivePlan = async (input: PlanExecutionInput): Promise<MigrationStatusOfPlan> => {
  const status: MigrationStatusOfPlan = structuredClone(input.plan.status?.migration ?? {});
  const last = status.history?.at(-1);
  const source = input.openSource();
  if (last) {
    const run = runContextOf(input, migrationOf(input, last), source);
    for (const vm of status.vms ?? []) await cleanupVm(run, vm, { forced: true });
  }
  await cleanupPlanStorage(
    clusterOf(input.kubeConfig),
    input.plan.metadata?.uid ?? '',
    input.plan.spec?.targetNamespace ?? '',
  );
  return status;
};
