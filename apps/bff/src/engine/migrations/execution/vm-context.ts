// A VM's context for a pass: its spec entry (refs by name resolved through the inventory), the
// source VM as the inventory has it now, and its itinerary's flags.
import type { RunContext, VmContext } from './context.ts';
import { flagsOf } from './itinerary.ts';
import type { PlanVm, VmStatus } from './types.ts';

/** The spec entry of a VM status: by id, else by the name it was given in the spec. */
export const planVmOf = (run: RunContext, status: VmStatus): PlanVm | undefined =>
  (run.plan.spec?.vms ?? []).find(
    (vm) => (vm.id && vm.id === status.id) || (!vm.id && vm.name && vm.name === status.name),
  );

/** Undefined while the source's inventory does not have the VM. */
export const vmContextOf = (run: RunContext, status: VmStatus): VmContext | undefined => {
  const planVm = planVmOf(run, status) ?? status;
  const sourceVm = run.source.readVm({
    id: status.id,
    name: status.name,
    namespace: status.namespace,
  });
  if (!sourceVm) return undefined;
  return {
    status,
    planVm,
    sourceVm,
    flags: flagsOf({
      plan: run.plan,
      vm: planVm,
      sourceProvider: run.sourceProvider,
      destinationProvider: run.destinationProvider,
      storageMap: run.storageMap,
    }),
  };
};
