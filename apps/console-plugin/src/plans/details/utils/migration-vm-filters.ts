// The Virtual machines tab's filters during and after a migration: a VM state and a piece of the
// VM's name, kept in the URL (plan-paths.ts VM_FILTER_PARAMS) so that "View failed VMs" links and
// a reload land on the same rows.
import type { VmMigrationState } from '@forklift-console/api';
import { VM_FILTER_PARAMS } from '../../utils/plan-paths.ts';
import type { MigrationVmRow } from './migration-vms.ts';

/** The status filter's options after All, in the order the toolbar shows them. */
export const VM_STATUS_FILTERS: readonly VmMigrationState[] = [
  'Running',
  'Pending',
  'Succeeded',
  'Failed',
  'Canceled',
];

export type MigrationVmFilters = {
  /** Undefined for All. */
  status?: VmMigrationState;
  name: string;
};

/** A status the tab does not know (a mistyped link) reads as All rather than matching nothing. */
export const vmFiltersFromSearchParams = (params: URLSearchParams): MigrationVmFilters => {
  const status = params.get(VM_FILTER_PARAMS.status) ?? '';
  return {
    status: VM_STATUS_FILTERS.find((known) => known === status),
    name: params.get(VM_FILTER_PARAMS.name) ?? '',
  };
};

/** The URL's parameters with the given filters set, or removed when All or empty. */
export const withVmFilters = (
  params: URLSearchParams,
  filters: Partial<MigrationVmFilters>,
): URLSearchParams => {
  const next = new URLSearchParams(params);
  for (const key of ['status', 'name'] as const) {
    if (!(key in filters)) continue;
    const value = filters[key];
    if (value) next.set(VM_FILTER_PARAMS[key], value);
    else next.delete(VM_FILTER_PARAMS[key]);
  }
  return next;
};

const matchesName = (row: MigrationVmRow, name: string) =>
  row.name.toLowerCase().includes(name.trim().toLowerCase());

/** The rows the name filter keeps, whatever their state: what the status counts count. */
export const rowsMatchingName = (rows: readonly MigrationVmRow[], name: string): MigrationVmRow[] =>
  rows.filter((row) => matchesName(row, name));

export const filterMigrationVmRows = (
  rows: readonly MigrationVmRow[],
  filters: MigrationVmFilters,
): MigrationVmRow[] =>
  rowsMatchingName(rows, filters.name).filter(
    (row) => !filters.status || row.state === filters.status,
  );

export type VmStateTotals = Record<VmMigrationState, number> & { All: number };

/** How many rows each status option would show: the figure beside it in the toolbar. */
export const vmStateTotals = (rows: readonly MigrationVmRow[]): VmStateTotals => {
  const totals: VmStateTotals = {
    All: rows.length,
    Running: 0,
    Pending: 0,
    Succeeded: 0,
    Failed: 0,
    Canceled: 0,
  };
  for (const row of rows) totals[row.state] += 1;
  return totals;
};
