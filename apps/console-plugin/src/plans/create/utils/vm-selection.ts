// The Virtual machines step's table as plain data: which rows show (all, or the selected ones;
// within a vSphere folder), and what a selected VM keeps of its inventory object.
import type { VmRow } from '../../../utils/vm-table.ts';
import type { SourceVm } from '../hooks/useSourceVms.ts';
import type { SelectedVm } from './plan-form.ts';
import { isInFolder } from './vm-folders.ts';

export const selectedVmOf = (row: VmRow, vm: SourceVm | undefined): SelectedVm => ({
  id: row.id,
  name: row.name,
  criticalConcerns: row.concernCounts.Critical,
  changeTracking: (vm as { changeTrackingEnabled?: boolean } | undefined)?.changeTrackingEnabled,
  usage: vm ? { networks: vm.networks, disks: vm.disks } : undefined,
});

type Shown = { onlySelected: boolean; folder: string };

/** The rows the table shows: the query's answer (or the selected VMs), within the folder. */
export const shownRows = (
  rows: readonly VmRow[],
  selected: ReadonlyMap<string, SelectedVm>,
  { onlySelected, folder }: Shown,
): VmRow[] =>
  rows.filter((row) => (!onlySelected || selected.has(row.id)) && isInFolder(row, folder));
