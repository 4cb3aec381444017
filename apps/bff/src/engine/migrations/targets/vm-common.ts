// What every target VirtualMachine carries, however it is built (reference engine.md §8.3, §7.6):
// its labels, the rename annotations, the template's labels and annotations, and its placement.
import type { PowerState, SourceDisk } from '../source-vm.ts';
import { vmLabels, type TargetContext } from './context.ts';

export type Json = Record<string, unknown>;

export type VirtualMachine = {
  apiVersion: 'kubevirt.io/v1';
  kind: 'VirtualMachine';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: { runStrategy: string; template: { metadata: Json; spec: Json } } & Json;
};

export type VmClaim = { disk: SourceDisk; claimName: string; volumeMode: 'Block' | 'Filesystem' };

export type VirtualMachineInput = {
  claims: VmClaim[];
  /** The source's power state before the migration stopped it (`auto` restores it). */
  restorePowerState: PowerState;
  /** What virt-v2v found: OVA's firmware, the boot disk's index. */
  conversion?: { firmware?: 'bios' | 'efi'; detectedBootDisk?: number };
  /**
   * The kind the plan VM's `instanceType` was found as (the engine looks in the target namespace
   * first, then cluster-wide); namespaced when not given.
   */
  instanceTypeKind?: 'VirtualMachineInstancetype' | 'VirtualMachineClusterInstancetype';
};

/** The VM's labels, and whether its guest was converted (for the providers that convert). */
export const targetVmLabels = (ctx: TargetContext): Record<string, string> => ({
  ...vmLabels(ctx),
  ...(ctx.vm.providerType !== 'openshift'
    ? { guestConverted: String(ctx.requiresConversion) }
    : {}),
});

/** `openshift.io/display-name` and `original-ID` when the VM was renamed (§7.6). */
export const renameAnnotations = (ctx: TargetContext): Record<string, string> =>
  ctx.targetName !== ctx.vm.name
    ? { 'openshift.io/display-name': ctx.vm.name, 'original-ID': ctx.vm.id }
    : {};

/** The template's labels (the plan's targetLabels, `app`) and KubeVirt's template annotations. */
export const templateMetadata = (ctx: TargetContext, source: Json = {}): Json => ({
  labels: {
    ...(source.labels as Record<string, string> | undefined),
    ...ctx.plan.spec?.targetLabels,
    app: ctx.targetName,
  },
  annotations: {
    'vm.kubevirt.io/flavor': '',
    'vm.kubevirt.io/os': '',
    'vm.kubevirt.io/workload': '',
    ...(source.annotations as Record<string, string> | undefined),
  },
});

/** The plan's node selector and affinity for the target VMs. */
export const placement = (ctx: TargetContext): Json => ({
  ...(ctx.plan.spec?.targetNodeSelector ? { nodeSelector: ctx.plan.spec.targetNodeSelector } : {}),
  ...(ctx.plan.spec?.targetAffinity ? { affinity: ctx.plan.spec.targetAffinity } : {}),
});

/** The claims in the VM's disk order. */
export const claimsInDiskOrder = <C extends { disk: SourceDisk }>(
  ctx: TargetContext,
  claims: readonly C[],
): C[] => [...claims].sort((a, b) => ctx.vm.disks.indexOf(a.disk) - ctx.vm.disks.indexOf(b.disk));

/**
 * The reference each migrated PVC gets once the VM exists (§8.3 EnsureVM), so that the claims
 * outlive their DataVolumes and go with the VM.
 */
export const claimOwnerReference = (vm: { metadata?: { name?: string; uid?: string } }) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  name: vm.metadata?.name ?? '',
  uid: vm.metadata?.uid ?? '',
  blockOwnerDeletion: true,
  controller: false,
});
