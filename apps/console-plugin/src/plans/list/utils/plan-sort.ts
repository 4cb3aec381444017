// The plans list's order: by the column the user chose, then by project and name so that equal
// values keep a stable order.
import { PLAN_MIGRATION_STATUSES } from '@forklift-console/api';
import type { PlanColumn } from './plan-columns.ts';
import type { PlanRow } from './plan-rows.ts';

export type SortablePlanColumn = Exclude<PlanColumn, 'description' | 'source'>;

export type PlanSort = { column: SortablePlanColumn; direction: 'asc' | 'desc' };

export const SORTABLE_PLAN_COLUMNS: readonly SortablePlanColumn[] = [
  'name',
  'namespace',
  'target',
  'vms',
  'status',
  'type',
  'started',
];

export const DEFAULT_PLAN_SORT: PlanSort = { column: 'name', direction: 'asc' };

const compareText = (a: string, b: string) => a.localeCompare(b);

// Statuses sort in Forklift's derivation order, the order the status filter lists them in.
const statusRank = (row: PlanRow) => PLAN_MIGRATION_STATUSES.indexOf(row.status);

const COMPARE: Record<SortablePlanColumn, (a: PlanRow, b: PlanRow) => number> = {
  name: (a, b) => compareText(a.name, b.name),
  namespace: (a, b) => compareText(a.namespace, b.namespace),
  target: (a, b) => compareText(a.targetNamespace, b.targetNamespace),
  vms: (a, b) => a.vmCount - b.vmCount,
  status: (a, b) => statusRank(a) - statusRank(b),
  type: (a, b) => compareText(a.migrationType, b.migrationType),
  // RFC 3339 times in UTC compare as text; never-started plans come first.
  started: (a, b) => compareText(a.started ?? '', b.started ?? ''),
};

export const sortPlanRows = (rows: readonly PlanRow[], sort: PlanSort): PlanRow[] => {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = COMPARE[sort.column];
  return [...rows].sort(
    (a, b) =>
      sign * compare(a, b) || compareText(a.namespace, b.namespace) || compareText(a.name, b.name),
  );
};
