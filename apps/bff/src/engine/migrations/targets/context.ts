// What every target builder is given (contracts: the engine resolves it once per VM), and the
// facts about it more than one builder needs: labels every object carries, the maps' entries for a
// disk or NIC, the target power state.
import {
  isHostProvider,
  type ForkliftController,
  type Migration,
  type NetworkMap,
  type Plan,
  type Provider,
  type StorageMap,
} from '@forklift-console/api';
import type { PowerState, SourceVm } from '../source-vm.ts';

export type PlanVm = NonNullable<Plan['spec']>['vms'][number];

export type TargetContext = {
  plan: Plan;
  migration: Migration;
  vm: SourceVm;
  planVm: PlanVm;
  /** The target VM's name and namespace, resolved by the engine (reference engine.md §7.6). */
  targetName: string;
  targetNamespace: string;
  sourceProvider: Provider;
  destinationProvider: Provider;
  networkMap: NetworkMap;
  storageMap: StorageMap;
  settings: ForkliftController['spec'] | undefined;
  /** useV2vForTransfer (§2.3): virt-v2v copies the disks itself instead of CDI. */
  transfer: 'cdi' | 'virt-v2v';
  /** !skipGuestConversion for the providers whose guests are converted. */
  requiresConversion: boolean;
};

/** Labels of every object made for a VM (§8.1); the UI finds them by `plan` and `vmID`. */
export const vmLabels = (ctx: TargetContext): Record<string, string> => ({
  migration: ctx.migration.metadata?.uid ?? '',
  plan: ctx.plan.metadata?.uid ?? '',
  'plan-name': ctx.plan.metadata?.name ?? '',
  'plan-namespace': ctx.plan.metadata?.namespace ?? '',
  vmID: ctx.vm.id,
  resource: 'vm-config',
});

/** Labels of the objects made once per plan (the OVA share): no VM, no migration. */
export const planLabels = (ctx: TargetContext): Record<string, string> => ({
  plan: ctx.plan.metadata?.uid ?? '',
  'plan-name': ctx.plan.metadata?.name ?? '',
  'plan-namespace': ctx.plan.metadata?.namespace ?? '',
});

/** `<plan>-<vmId>-`: the generateName of the VM's Secrets and Pods, and the PVC fallback. */
export const vmGenerateName = (ctx: TargetContext): string =>
  `${ctx.plan.metadata?.name ?? ''}-${ctx.vm.id}-`.toLowerCase();

/** Copy and conversion run apart: CDI copies, then virt-v2v converts in place (§2.3). */
export const hasSeparateCopyAndConversion = (ctx: TargetContext): boolean =>
  ctx.requiresConversion && ctx.transfer === 'cdi';

export const isDestinationRemote = (ctx: TargetContext): boolean =>
  !isHostProvider(ctx.destinationProvider.spec);

/** The ServiceAccount migration pods run as: the plan's, else the global one (§1.2). */
export const migrationServiceAccount = (ctx: TargetContext): string | undefined =>
  ctx.plan.spec?.serviceAccount || ctx.settings?.controller_migration_service_account || undefined;

/** KubeVirt's runStrategy for the target power state (§8.3); `auto` restores the source's. */
export const runStrategyFor = (ctx: TargetContext, restorePowerState: PowerState): string => {
  const target = ctx.planVm.targetPowerState ?? ctx.plan.spec?.targetPowerState ?? 'auto';
  if (target === 'on') return 'Always';
  if (target === 'off') return 'Halted';
  return restorePowerState === 'On' ? 'Always' : 'Halted';
};
