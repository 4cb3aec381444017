// The Virtual machines tab before migration: one row per spec VM with its name in the source,
// the target name it will get, its inventory concerns and the per-VM settings; and the spec
// patches the row kebab's edits send.
import {
  previewTargetName,
  targetNameError,
  type Plan,
  type TargetNamePreview,
} from '@forklift-console/api';
import type { PlanInventoryVm } from './plan-concerns.ts';

export type PlanVm = NonNullable<Plan['spec']>['vms'][number];

export type PlanVmRow = {
  index: number;
  /** The VM's id in the source, or its name when the plan names it only by name. */
  key: string;
  sourceName: string;
  target: TargetNamePreview;
  inventory: PlanInventoryVm | undefined;
  vm: PlanVm;
};

export const planVmRows = (plan: Plan, inventory: readonly PlanInventoryVm[]): PlanVmRow[] => {
  const byId = new Map(inventory.map((vm) => [vm.id, vm]));
  const byName = new Map(inventory.map((vm) => [vm.name, vm]));
  return (plan.spec?.vms ?? []).map((vm, index) => {
    const found =
      (vm.id ? byId.get(vm.id) : undefined) ?? (vm.name ? byName.get(vm.name) : undefined);
    const sourceName = vm.name ?? found?.name ?? vm.id ?? '';
    return {
      index,
      key: vm.id ?? vm.name ?? String(index),
      sourceName,
      target: previewTargetName(sourceName, vm.targetName),
      inventory: found,
      vm,
    };
  });
};

/** Why `name` cannot be the target name of VM `index`: not DNS-1123, or another VM's target. */
export const vmTargetNameError = (
  plan: Plan,
  inventory: readonly PlanInventoryVm[],
  index: number,
  name: string,
): string | undefined => {
  if (name === '') return undefined;
  const invalid = targetNameError(name);
  if (invalid) return invalid;
  const taken = planVmRows(plan, inventory).some(
    (row) => row.index !== index && row.target.name === name,
  );
  return taken ? `Another VM in this plan is already named ${name}` : undefined;
};

/** The VM settings the row kebab edits; an empty value removes the field. */
export type VmEdit = Partial<
  Pick<PlanVm, 'targetName' | 'rootDisk' | 'instanceType' | 'targetPowerState' | 'nbdeClevis'>
> & { luksSecret?: string };

/** The `vms` patch that applies `edit` to VM `index`. */
export const vmEditPatch = (plan: Plan, index: number, edit: VmEdit): { vms: PlanVm[] } => ({
  vms: (plan.spec?.vms ?? []).map((vm, at) => {
    if (at !== index) return vm;
    const { luksSecret, ...fields } = edit;
    const next: Record<string, unknown> = { ...vm, ...fields };
    if (luksSecret !== undefined) next.luks = luksSecret ? { name: luksSecret } : undefined;
    if (next.nbdeClevis === true) delete next.luks;
    for (const [field, value] of Object.entries(next)) {
      if (value === undefined || value === '' || value === false) delete next[field];
    }
    return next as PlanVm;
  }),
});

/** The `vms` patch without VM `index`; a plan keeps at least one VM. */
export const vmRemovePatch = (plan: Plan, index: number): { vms: PlanVm[] } | undefined => {
  const vms = plan.spec?.vms ?? [];
  if (vms.length <= 1) return undefined;
  return { vms: vms.filter((_vm, at) => at !== index) };
};

/** How many matching VMs the Add VMs dialog lists at once; a narrower filter finds the rest. */
export const ADDABLE_VMS_SHOWN = 100;

/**
 * The source VMs the plan does not have yet whose name contains `filter` (any case): the first
 * ADDABLE_VMS_SHOWN of them, and how many match in all.
 */
export const addableVms = (
  plan: Plan,
  inventory: readonly PlanInventoryVm[],
  filter: string,
): { shown: PlanInventoryVm[]; matching: number } => {
  const inPlan = new Set((plan.spec?.vms ?? []).flatMap((vm) => [vm.id, vm.name]));
  const text = filter.trim().toLowerCase();
  const matches = inventory.filter(
    (vm) => !inPlan.has(vm.id) && !inPlan.has(vm.name) && vm.name.toLowerCase().includes(text),
  );
  return { shown: matches.slice(0, ADDABLE_VMS_SHOWN), matching: matches.length };
};

/** The `vms` patch that appends `added` by id and name (and project, for OpenShift sources). */
export const vmsAddPatch = (plan: Plan, added: readonly PlanInventoryVm[]): { vms: PlanVm[] } => ({
  vms: [
    ...(plan.spec?.vms ?? []),
    ...added.map((vm) => ({
      id: vm.id,
      name: vm.name,
      ...(vm.namespace ? { namespace: vm.namespace } : {}),
    })),
  ],
});
