// Which waiting VMs may start now (reference engine.md §5, and issue 14's rule): the ForkliftController's
// controller_max_vm_inflight counts, for vSphere, per ESXi host — VMs for a cold migration into
// the local cluster, disks otherwise — and for every other source per provider, VMs. The running
// VMs of other executing plans of the same source provider count too, and so do the VMs started
// earlier in the same pass. Pure.
import type { VmStatus } from './types.ts';

export const DEFAULT_MAX_VM_INFLIGHT = 20;

/** The limit as the ForkliftController states it; a missing or unusable value is the default. */
export const maxInFlightOf = (
  spec: { controller_max_vm_inflight?: unknown } | undefined,
): number => {
  const value = Number(spec?.controller_max_vm_inflight);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_MAX_VM_INFLIGHT;
};

export type Unit = 'vms' | 'disks';

/** Phases after the copy, in which a VM no longer holds a transfer slot. */
const SLOT_FREE_PHASES = new Set(['CreateVM', 'PostHook', 'Completed']);
const DISK_STEPS = new Set(['DiskTransfer', 'DiskTransferV2v', 'DiskAllocation']);

/** What a VM that has started costs against the limit. */
export const runningCost = (vm: VmStatus, unit: Unit): number => {
  if (SLOT_FREE_PHASES.has(vm.phase)) return 0;
  if (unit === 'vms') return 1;
  const disks = vm.pipeline.find((step) => DISK_STEPS.has(step.name))?.tasks ?? [];
  const copied = vm.pipeline
    .filter((step) => DISK_STEPS.has(step.name))
    .flatMap((step) => step.tasks ?? [])
    .filter((task) => task.completed).length;
  return Math.max(0, disks.length - Math.min(copied, disks.length));
};

export type Candidate = { id: string; key: string; cost: number };
export type Holder = { key: string; cost: number };

/**
 * The candidates (in plan order) that may start, given what holds slots now. A VM that alone
 * costs more than the limit may start when nothing else holds its key.
 */
export const schedule = ({
  max,
  candidates,
  holders,
}: {
  max: number;
  candidates: readonly Candidate[];
  holders: readonly Holder[];
}): { start: string[]; waiting: string[] } => {
  const inFlight = new Map<string, number>();
  for (const holder of holders) {
    inFlight.set(holder.key, (inFlight.get(holder.key) ?? 0) + holder.cost);
  }
  const start: string[] = [];
  const waiting: string[] = [];
  for (const candidate of candidates) {
    const used = inFlight.get(candidate.key) ?? 0;
    const fits = used < max && used + candidate.cost <= max;
    if (fits || (used === 0 && candidate.cost > max)) {
      start.push(candidate.id);
      inFlight.set(candidate.key, used + Math.max(candidate.cost, 1));
    } else {
      waiting.push(candidate.id);
    }
  }
  return { start, waiting };
};

export const pendingMessage = (max: number): string =>
  `Waiting to start migration: in-flight limit reached (max ${max}).`;

export const waitingMessage = (count: number, max: number): string =>
  `${count} VM(s) waiting to start migration (in-flight limit: ${max}).`;
