// What the plan reconcile calls (reference engine.md §2.1 steps 7 and 10): it gathers what the
// execution needs from the engine's watches and the cluster — the plan's Migrations, its
// providers and maps, the source's Secret and inventory — and hands back the plan's new
// status.migration and execution conditions; archive and plan deletion clean up.
import type { KubeConfig, KubernetesObject, V1Secret } from '@kubernetes/client-node';
import type {
  ForkliftController,
  Migration,
  NetworkMap,
  Plan,
  Provider,
  StorageMap,
} from '@forklift-console/api';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import type { Logger } from '../../../logging.ts';
import { secretLocation } from '../../secrets.ts';
import type { SourceAdapterCache } from '../sources/adapter-cache.ts';
import type { Condition } from '../../conditions.ts';
import { blockerGraceMinutesOf, failOnBlocker } from './blocker.ts';
import { deleteOrphans } from './cleanup.ts';
import { clusterOf } from './cluster.ts';
import {
  archivePlan,
  executePlan,
  type PlanExecution,
  type PlanExecutionInput,
} from './plan-execution.ts';
import type { MigrationStatusOfPlan } from './types.ts';
import { EXECUTION_CONDITIONS } from './vm-conditions.ts';

export type PlanStepDependencies = {
  kubeConfig: KubeConfig;
  findProvider: (namespace: string, name: string) => Provider | undefined;
  findNetworkMap: (namespace: string, name: string) => NetworkMap | undefined;
  findStorageMap: (namespace: string, name: string) => StorageMap | undefined;
  findSecret: (namespace: string, name: string) => V1Secret | undefined;
  /** The DataVolumes the engine's watch has seen (those labelled with a plan). */
  dataVolumes: () => readonly KubernetesObject[];
  inventoryOf: (providerUid: string) => ProviderInventory | undefined;
  forkliftController: () => ForkliftController | undefined;
  migrations: () => readonly Migration[];
  plans: () => readonly Plan[];
  /** One adapter per source provider, kept while its connection stays the same. */
  sourceAdapters: SourceAdapterCache;
  logger: Logger;
};

/** The provider's Secret as the engine's watch has it: a pass reads no Secret from the API. */
const secretOf = (deps: PlanStepDependencies, provider: Provider) => {
  const location = secretLocation(provider.spec?.secret, provider.metadata?.namespace ?? '');
  return location ? deps.findSecret(location.namespace, location.name) : undefined;
};

const isReady = (provider: Provider): boolean =>
  (provider.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** What the execution runs with, or undefined when something it needs is not there. */
const executionInput = async (
  deps: PlanStepDependencies,
  plan: Plan,
): Promise<PlanExecutionInput | undefined> => {
  const namespace = plan.metadata?.namespace ?? '';
  const at = (ref: { name?: string; namespace?: string } | undefined) =>
    [ref?.namespace || namespace, ref?.name ?? ''] as const;
  const sourceProvider = deps.findProvider(...at(plan.spec?.provider?.source));
  const destinationProvider = deps.findProvider(...at(plan.spec?.provider?.destination));
  const networkMap = deps.findNetworkMap(...at(plan.spec?.map?.network));
  const storageMap = deps.findStorageMap(...at(plan.spec?.map?.storage));
  const inventory = sourceProvider && deps.inventoryOf(sourceProvider.metadata?.uid ?? '');
  if (!sourceProvider || !destinationProvider || !networkMap || !storageMap || !inventory) {
    return undefined;
  }
  const providerSecret: V1Secret | undefined = secretOf(deps, sourceProvider);
  const logger = deps.logger.child({ plan: `${namespace}/${plan.metadata?.name}` });
  return {
    kubeConfig: deps.kubeConfig,
    plan,
    migrations: deps.migrations().filter((m) => m.metadata?.namespace === namespace),
    sourceProvider,
    destinationProvider,
    networkMap,
    storageMap,
    settings: deps.forkliftController()?.spec,
    providerSecret,
    inventory,
    watchedDataVolumes: deps.dataVolumes,
    otherPlans: deps.plans(),
    sourceReady: isReady(sourceProvider),
    openSource: () =>
      deps.sourceAdapters.adapterFor({
        provider: sourceProvider,
        secret: providerSecret,
        inventory,
        kubeConfig: deps.kubeConfig,
        logger,
      }),
    now: new Date(),
    logger,
  };
};

/** The execution pass; undefined when it cannot run now (it is tried again on the next pass). */
export const runPlanExecution = async (
  deps: PlanStepDependencies,
  plan: Plan,
): Promise<PlanExecution | undefined> => {
  const input = await executionInput(deps, plan);
  return input ? executePlan(input) : undefined;
};

/** Archive's cleanup; the status as it was when nothing could be reached to clean. */
export const runPlanArchive = async (
  deps: PlanStepDependencies,
  plan: Plan,
): Promise<MigrationStatusOfPlan | undefined> => {
  const input = await executionInput(deps, plan);
  return input ? archivePlan(input) : plan.status?.migration;
};

export const removePlanOrphans = (deps: PlanStepDependencies, name: string, namespace: string) =>
  deleteOrphans(clusterOf(deps.kubeConfig), name, namespace);

/** A blocked plan's run failed once its blockers outlast the grace period; else undefined. */
export const failBlockedExecution = (
  deps: PlanStepDependencies,
  plan: Plan,
  conditions: readonly Condition[],
): PlanExecution | undefined => {
  const grace = blockerGraceMinutesOf(deps.forkliftController()?.spec);
  const migration = failOnBlocker(plan.status?.migration, conditions, new Date(), grace);
  if (!migration) return undefined;
  const snapshot = migration.history?.at(-1);
  return {
    migration,
    conditions: (snapshot?.conditions ?? [])
      .filter((condition) => EXECUTION_CONDITIONS.includes(condition.type))
      .map((condition) => condition as Condition),
  };
};
