// The cold itinerary (reference engine.md §0.3, §3.1, §3.2) and the predicates that include its
// phases, and which pipeline step each phase belongs to (§3.8). Pure: the phases and the plan
// reconcile ask it where a VM goes next.
import { isHostProvider, type Plan, type Provider, type StorageMap } from '@forklift-console/api';
import type { PlanVm } from './types.ts';

export type Phase =
  | 'Started'
  | 'PreHook'
  | 'StorePowerState'
  | 'PowerOffSource'
  | 'WaitForPowerOff'
  | 'CreateDataVolumes'
  | 'CopyDisks'
  | 'AllocateDisks'
  | 'CreateGuestConversionPod'
  | 'ConvertGuest'
  | 'CopyDisksVirtV2V'
  | 'CreateVM'
  | 'PostHook'
  | 'Completed';

export type Flags = {
  hasPreHook: boolean;
  hasPostHook: boolean;
  requiresConversion: boolean;
  cdiDiskCopy: boolean;
  virtV2vDiskCopy: boolean;
};

type Entry = { phase: Exclude<Phase, 'Completed'>; all?: (keyof Flags)[] };

/** Forklift's base cold itinerary, without the phases of providers not migrated here. */
const COLD: readonly Entry[] = [
  { phase: 'Started' },
  { phase: 'PreHook', all: ['hasPreHook'] },
  { phase: 'StorePowerState' },
  { phase: 'PowerOffSource' },
  { phase: 'WaitForPowerOff' },
  { phase: 'CreateDataVolumes' },
  { phase: 'CopyDisks', all: ['cdiDiskCopy'] },
  { phase: 'AllocateDisks', all: ['virtV2vDiskCopy'] },
  { phase: 'CreateGuestConversionPod', all: ['requiresConversion'] },
  { phase: 'ConvertGuest', all: ['requiresConversion'] },
  { phase: 'CopyDisksVirtV2V', all: ['requiresConversion', 'virtV2vDiskCopy'] },
  { phase: 'CreateVM' },
  { phase: 'PostHook', all: ['hasPostHook'] },
];

export const includedPhases = (flags: Flags): Phase[] =>
  COLD.filter((entry) => (entry.all ?? []).every((flag) => flags[flag])).map(
    (entry) => entry.phase,
  );

export const firstPhase = (flags: Flags): Phase => includedPhases(flags)[0] ?? 'Completed';

/** The included phase after `phase`; `Completed` when none is left or `phase` is not included. */
export const phaseAfter = (flags: Flags, phase: string): Phase => {
  const phases = includedPhases(flags);
  const at = phases.indexOf(phase as Phase);
  return at < 0 ? 'Completed' : (phases[at + 1] ?? 'Completed');
};

export type StepName =
  | 'Initialize'
  | 'PreHook'
  | 'DiskAllocation'
  | 'DiskTransfer'
  | 'ImageConversion'
  | 'DiskTransferV2v'
  | 'VirtualMachineCreation'
  | 'PostHook';

/** The pipeline step a cold phase reports under (§3.8). */
export const stepOfPhase = (phase: string): StepName | undefined => {
  switch (phase) {
    case 'Started':
    case 'StorePowerState':
    case 'PowerOffSource':
    case 'WaitForPowerOff':
    case 'CreateDataVolumes':
      return 'Initialize';
    case 'PreHook':
    case 'PostHook':
      return phase;
    case 'AllocateDisks':
      return 'DiskAllocation';
    case 'CopyDisks':
      return 'DiskTransfer';
    case 'CreateGuestConversionPod':
    case 'ConvertGuest':
      return 'ImageConversion';
    case 'CopyDisksVirtV2V':
      return 'DiskTransferV2v';
    case 'CreateVM':
      return 'VirtualMachineCreation';
    default:
      return undefined;
  }
};

/** Source types whose guests virt-v2v converts. */
const CONVERSION_SOURCES = new Set(['vsphere', 'ova']);

export type FlagInput = {
  plan: Plan;
  vm: PlanVm;
  sourceProvider: Provider;
  destinationProvider: Provider;
  storageMap: StorageMap | undefined;
};

export const requiresConversion = ({ plan, sourceProvider }: FlagInput): boolean =>
  CONVERSION_SOURCES.has(sourceProvider.spec?.type ?? '') && !plan.spec?.skipGuestConversion;

/** Whether virt-v2v copies the disks itself instead of CDI (§2.3 useV2vForTransfer). */
export const useV2vForTransfer = (input: FlagInput): boolean => {
  const { plan, vm, sourceProvider, destinationProvider, storageMap } = input;
  switch (sourceProvider.spec?.type) {
    case 'ova':
      return true;
    case 'vsphere': {
      const cold = !plan.spec?.warm && (plan.spec?.type ?? 'cold') === 'cold';
      const migrateSharedDisks = vm.migrateSharedDisks ?? plan.spec?.migrateSharedDisks ?? true;
      const offload = (storageMap?.spec?.map ?? []).some((entry) => !!entry.offloadPlugin);
      return (
        cold &&
        isHostProvider(destinationProvider.spec) &&
        migrateSharedDisks &&
        requiresConversion(input) &&
        !offload
      );
    }
    default:
      return false;
  }
};

export const flagsOf = (input: FlagInput): Flags => {
  const hooks = input.vm.hooks ?? [];
  const v2v = useV2vForTransfer(input);
  return {
    hasPreHook: hooks.some((hook) => hook.step === 'PreHook'),
    hasPostHook: hooks.some((hook) => hook.step === 'PostHook'),
    requiresConversion: requiresConversion(input),
    cdiDiskCopy: !v2v,
    virtV2vDiskCopy: v2v,
  };
};
