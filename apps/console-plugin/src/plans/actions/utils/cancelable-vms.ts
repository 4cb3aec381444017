// Which VMs the Cancel modal offers: those the migration has not finished with. Before the engine
// has written any VM status (the Migration was just created) every VM of the plan still can be;
// a VM the plan names without its id gets it from the source inventory, as the engine resolves it.
import { isVmCancelable, type Plan } from '@forklift-console/api';

export type CancelableVm = { id: string; name: string };

type InventoryVm = { id: string; name: string };

export const cancelableVms = (
  plan: Plan,
  inventory: readonly InventoryVm[] = [],
): CancelableVm[] => {
  const statuses = plan.status?.migration?.vms ?? [];
  if (statuses.length === 0) {
    return (plan.spec?.vms ?? []).flatMap((vm) => {
      const id = vm.id ?? inventory.find((item) => item.name === vm.name)?.id;
      return id ? [{ id, name: vm.name ?? id }] : [];
    });
  }
  return statuses
    .filter(isVmCancelable)
    .flatMap((vm) => (vm.id ? [{ id: vm.id, name: vm.name ?? vm.id }] : []));
};

/** Why "Cancel selected" cannot act now, if it cannot. */
export type CancelSelectionBlock = 'notActive' | 'noneSelected';

export type CancelSelection =
  { ids: string[]; block?: undefined } | { ids: []; block: CancelSelectionBlock };

/**
 * What "Cancel selected" hands the Cancel modal: the selected VMs the migration has not finished
 * with (a selected VM may finish meanwhile), and only while a migration of the plan is active.
 */
export const cancelSelection = (
  selected: Iterable<string>,
  cancelable: readonly CancelableVm[],
  isMigrationActive: boolean,
): CancelSelection => {
  if (!isMigrationActive) return { ids: [], block: 'notActive' };
  const stillCancelable = new Set(cancelable.map((vm) => vm.id));
  const ids = [...selected].filter((id) => stillCancelable.has(id));
  return ids.length > 0 ? { ids } : { ids: [], block: 'noneSelected' };
};
