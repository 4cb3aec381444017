// What every phase of a plan's execution is given: the plan and its active Migration as read this
// pass, the objects they refer to, the source adapter and the cluster. Built once per reconcile.
import type { KubeConfig, KubernetesObject, V1Secret } from '@kubernetes/client-node';
import type {
  ForkliftController,
  Migration,
  NetworkMap,
  Plan,
  Provider,
  StorageMap,
} from '@forklift-console/api';
import type { Logger } from '../../../logging.ts';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import type { SourceAdapter } from '../sources/index.ts';
import type { SourceVm } from '../source-vm.ts';
import type { TargetContext } from '../targets/index.ts';
import type { Cluster } from './cluster.ts';
import type { Flags } from './itinerary.ts';
import type { PlanVm, VmStatus } from './types.ts';

export type RunContext = {
  kubeConfig: KubeConfig;
  cluster: Cluster;
  plan: Plan;
  migration: Migration;
  sourceProvider: Provider;
  destinationProvider: Provider;
  networkMap: NetworkMap;
  storageMap: StorageMap;
  settings: ForkliftController['spec'] | undefined;
  /** The source provider's Secret; its values go into per-VM Secrets only. */
  providerSecret: V1Secret | undefined;
  inventory: ProviderInventory;
  /**
   * The DataVolumes the engine's watch has seen. Following a copy reads them here rather than
   * listing them from the API on every pass for every VM; deciding what to create never does (a
   * watch can lag behind a create, and a missed one would be made twice).
   */
  watchedDataVolumes: () => readonly KubernetesObject[];
  source: SourceAdapter;
  now: Date;
  logger: Logger;
};

/** One VM in a pass: its status (changed in place), its spec entry and the source VM. */
export type VmContext = {
  status: VmStatus;
  planVm: PlanVm;
  sourceVm: SourceVm;
  flags: Flags;
};

export const targetNamespaceOf = (run: RunContext): string => run.plan.spec?.targetNamespace ?? '';

/** The name the VirtualMachine gets: the chosen or adjusted name, else the source's. */
export const targetNameOf = (vm: VmContext): string =>
  vm.status.newName || vm.planVm.targetName || vm.sourceVm.name;

export const targetContextOf = (run: RunContext, vm: VmContext): TargetContext => ({
  plan: run.plan,
  migration: run.migration,
  vm: vm.sourceVm,
  planVm: vm.planVm,
  targetName: targetNameOf(vm),
  targetNamespace: targetNamespaceOf(run),
  sourceProvider: run.sourceProvider,
  destinationProvider: run.destinationProvider,
  networkMap: run.networkMap,
  storageMap: run.storageMap,
  settings: run.settings,
  transfer: vm.flags.virtV2vDiskCopy ? 'virt-v2v' : 'cdi',
  requiresConversion: vm.flags.requiresConversion,
});

/** The labels of one VM's objects in this migration (§8.1); what finds them again after a crash. */
export const migrationVmLabels = (run: RunContext, vm: { id?: string }) => ({
  migration: run.migration.metadata?.uid ?? '',
  vmID: vm.id ?? '',
});

/** The labels of one VM's objects in any run of this plan. */
export const planVmLabels = (run: RunContext, vm: { id?: string }) => ({
  plan: run.plan.metadata?.uid ?? '',
  vmID: vm.id ?? '',
});
