// The Utilization tab's figures (reference ui.md §2.7): the plan's VMs, their CPUs and memory,
// in total and for those running now, summed from the source inventory.
import type { PlanInventoryVm } from './plan-concerns.ts';

export type UtilizationTotals = { vms: number; cpus: number; memoryMB: number };

export type PlanUtilization = {
  total: UtilizationTotals;
  running: UtilizationTotals;
  /** Plan VMs the inventory does not have, so their figures are missing from the totals. */
  unknown: number;
};

// vSphere says poweredOn, oVirt up, OpenShift's inventory Running.
const RUNNING = new Set(['poweredOn', 'up', 'Running', 'on']);

const sum = (vms: readonly PlanInventoryVm[]): UtilizationTotals => ({
  vms: vms.length,
  cpus: vms.reduce((total, vm) => total + (vm.cpuCount ?? 0), 0),
  memoryMB: vms.reduce((total, vm) => total + (vm.memoryMB ?? 0), 0),
});

export const planUtilization = (
  planVmIds: readonly string[],
  inventory: readonly PlanInventoryVm[],
): PlanUtilization => {
  const byId = new Map(inventory.map((vm) => [vm.id, vm]));
  const found = planVmIds.flatMap((id) => byId.get(id) ?? []);
  return {
    total: sum(found),
    running: sum(found.filter((vm) => RUNNING.has(vm.powerState ?? ''))),
    unknown: planVmIds.length - found.length,
  };
};
