// What stops a plan from starting, as the header's alert and the concerns drawer show it: the
// plan controller's blocking conditions (with the VMs their items[] name) and the inventory's
// Critical concerns of the plan's VMs (reference ui.md §2.7).
import type { Plan } from '@forklift-console/api';

/** The parts of an inventory VM the plan pages read (Forklift's inventory field names). */
export type PlanInventoryVm = {
  id: string;
  name: string;
  /** OpenShift sources: the VM's project, part of its reference in the plan. */
  namespace?: string;
  powerState?: string;
  cpuCount?: number;
  memoryMB?: number;
  guestName?: string;
  concerns?: { id?: string; label: string; category: string; assessment?: string }[] | null;
};

export type PlanCondition = NonNullable<NonNullable<Plan['status']>['conditions']>[number];

export type PlanConcern = {
  severity: string;
  type: string;
  message: string;
  /** The VMs (or other resources) it is about, by name where the plan knows it. */
  resources: string[];
  source: 'plan' | 'inventory';
};

// Both block Ready and execution (reference engine.md §0.1).
const BLOCKING = new Set(['Critical', 'Error']);

/** The conditions that hold now. */
export const activeConditions = (plan: Plan): PlanCondition[] =>
  (plan.status?.conditions ?? []).filter((condition) => condition.status === 'True');

/** A name for each id and name the plan's VMs are known by. */
const vmLabels = (plan: Plan, inventory: readonly PlanInventoryVm[]): Map<string, string> => {
  const labels = new Map<string, string>();
  for (const vm of inventory) labels.set(vm.id, vm.name);
  for (const vm of plan.spec?.vms ?? []) {
    const label = vm.name ?? (vm.id ? labels.get(vm.id) : undefined) ?? vm.id ?? '';
    if (vm.id) labels.set(vm.id, label);
  }
  return labels;
};

/** An items[] entry by the VM's name when it is a VM id the plan knows, else as written. */
const itemLabel = (item: string, labels: Map<string, string>): string => labels.get(item) ?? item;

/** Every concern of the plan and its VMs, most severe first. */
export const planConcerns = (plan: Plan, inventory: readonly PlanInventoryVm[]): PlanConcern[] => {
  const labels = vmLabels(plan, inventory);
  const fromPlan: PlanConcern[] = activeConditions(plan)
    .filter((condition) => condition.category !== 'Required' && condition.category !== 'Advisory')
    .map((condition) => ({
      severity: condition.category,
      type: condition.type,
      message: condition.message ?? condition.reason ?? '',
      resources: (condition.items ?? []).map((item) => itemLabel(item, labels)),
      source: 'plan',
    }));
  const planIds = new Set((plan.spec?.vms ?? []).map((vm) => vm.id).filter(Boolean));
  const fromInventory: PlanConcern[] = inventory
    .filter((vm) => planIds.has(vm.id))
    .flatMap((vm) =>
      (vm.concerns ?? []).map((concern) => ({
        severity: concern.category,
        type: concern.label,
        message: concern.assessment ?? '',
        resources: [vm.name],
        source: 'inventory' as const,
      })),
    );
  const rank = (severity: string) =>
    BLOCKING.has(severity) ? 0 : severity.startsWith('Warn') ? 1 : 2;
  return [...fromPlan, ...fromInventory].sort((a, b) => rank(a.severity) - rank(b.severity));
};

/** The concerns that keep the plan from starting. */
export const criticalConcerns = (concerns: readonly PlanConcern[]): PlanConcern[] =>
  concerns.filter((concern) => BLOCKING.has(concern.severity));
