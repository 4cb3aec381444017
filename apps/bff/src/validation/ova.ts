// Forklift's OVA rule set (reference inventory.md §4.4), evaluated in-process. Ids, categories and
// labels are Forklift's. Two of its rules never fire as deployed because they read camelCase keys
// the workload does not have; here they read the keys the OVA workload really has (`Capacity`,
// `FilePath`, `exportSource`), which is what they were written to check.
import type { Concern } from '@forklift-console/api';
import {
  collectConcerns,
  diskCountConcern,
  invalidNameConcern,
  isValidVmName,
  MAX_DISKS,
  objectsIn,
} from './shared.ts';

/** Forklift's OVA rules_version; bumped whenever a rule here changes. */
export const OVA_RULES_VERSION = 5;

type WorkloadDisk = { FilePath?: string; Name?: string; Capacity?: number };

/**
 * The fields the rules read from an OVA Workload (§1.8). Any may be missing or of another type, as
 * in a document sent to the validate API; a rule whose field is not there does not fire.
 */
export type OvaWorkload = {
  name?: string;
  exportSource?: string;
  cpuAffinity?: readonly number[] | null;
  cpuHotAddEnabled?: boolean;
  cpuHotRemoveEnabled?: boolean;
  memoryHotAddEnabled?: boolean;
  disks?: readonly WorkloadDisk[] | null;
};

type Rule = (workload: OvaWorkload) => Concern[];

const RULES: Rule[] = [
  ({ cpuAffinity }) =>
    Array.isArray(cpuAffinity) && cpuAffinity.length > 0
      ? [
          {
            id: 'ova.cpu_affinity.detected',
            category: 'Warning',
            label: 'CPU affinity detected',
            assessment:
              'The VM is pinned to specific CPUs. CPU affinity is not kept by the migration; ' +
              'review the CPU placement after the migration.',
          },
        ]
      : [],
  ({ cpuHotAddEnabled, cpuHotRemoveEnabled, memoryHotAddEnabled }) =>
    cpuHotAddEnabled === true || cpuHotRemoveEnabled === true || memoryHotAddEnabled === true
      ? [
          {
            id: 'ova.cpu_memory.hotplug.enabled',
            category: 'Warning',
            label: 'CPU/Memory hotplug detected',
            assessment:
              'Hot-pluggable CPU or memory is not supported by the target platform. Review the ' +
              'CPU and memory configuration after the migration.',
          },
        ]
      : [],
  ({ disks }) => {
    const count = objectsIn(disks).length;
    return count > MAX_DISKS ? [diskCountConcern('ova.disk.count.exceeds.limit', count)] : [];
  },
  ({ disks }) =>
    objectsIn(disks)
      .filter(({ Capacity }) => typeof Capacity === 'number' && Capacity <= 0)
      .map(({ FilePath, Name, Capacity }) => ({
        id: 'ova.disk.capacity.invalid',
        category: 'Critical',
        label: `Disk '${FilePath ?? Name ?? ''}' has an invalid capacity of ${Capacity} bytes`,
        assessment:
          'The disk has no positive capacity, so no target volume can be sized for it. Fix the ' +
          'capacity in the OVF descriptor.',
      })),
  ({ exportSource }) =>
    typeof exportSource === 'string' && exportSource !== 'VMware'
      ? [
          {
            id: 'ova.source.unsupported',
            category: 'Warning',
            label: 'Unsupported OVA source',
            assessment:
              'This OVA may not have been exported from a VMware source, and may have issues ' +
              'during import.',
          },
        ]
      : [],
  ({ name }) =>
    typeof name === 'string' && !isValidVmName(name)
      ? [invalidNameConcern('ova.name.invalid')]
      : [],
];

export const validateOvaWorkload = (workload: OvaWorkload): Concern[] =>
  collectConcerns(RULES.flatMap((rule) => rule(workload)));
