// The plans list's filters live in the URL, so that a reload or a shared link keeps them.
import { PLAN_MIGRATION_STATUSES, type PlanMigrationStatus } from '@forklift-console/api';
import type { PlanMigrationType, PlanRow } from './plan-rows.ts';

export const PLAN_MIGRATION_TYPES = ['cold', 'warm', 'live'] as const satisfies PlanMigrationType[];

export type PlanFilters = {
  text: string;
  statuses: PlanMigrationStatus[];
  types: PlanMigrationType[];
  /** YYYY-MM-DD, inclusive, compared with the local date the migration started. */
  startedFrom?: string;
  startedTo?: string;
  showArchived: boolean;
};

export const FILTER_PARAMS = {
  text: 'q',
  statuses: 'status',
  types: 'type',
  startedFrom: 'startedFrom',
  startedTo: 'startedTo',
  showArchived: 'archived',
} as const;

export type PlanFilterName = keyof typeof FILTER_PARAMS;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const listParam = <T extends string>(
  params: URLSearchParams,
  name: string,
  known: readonly T[],
): T[] =>
  (params.get(name) ?? '')
    .split(',')
    .filter((value): value is T => (known as readonly string[]).includes(value));

const dateParam = (params: URLSearchParams, name: string) => {
  const value = params.get(name) ?? '';
  return DATE.test(value) ? value : undefined;
};

/** Values the page does not know (a mistyped link) are dropped rather than matching nothing. */
export const filtersFromSearchParams = (params: URLSearchParams): PlanFilters => ({
  text: params.get(FILTER_PARAMS.text) ?? '',
  statuses: listParam(params, FILTER_PARAMS.statuses, PLAN_MIGRATION_STATUSES),
  types: listParam(params, FILTER_PARAMS.types, PLAN_MIGRATION_TYPES),
  startedFrom: dateParam(params, FILTER_PARAMS.startedFrom),
  startedTo: dateParam(params, FILTER_PARAMS.startedTo),
  showArchived: params.get(FILTER_PARAMS.showArchived) === 'true',
});

/** The URL's parameters with one filter set (lists comma-joined), or removed when empty. */
export const withFilter = (
  params: URLSearchParams,
  filter: PlanFilterName,
  value: string | boolean | readonly string[] | undefined,
): URLSearchParams => {
  const next = new URLSearchParams(params);
  const text = typeof value === 'object' ? value.join(',') : value === true ? 'true' : value || '';
  if (text) next.set(FILTER_PARAMS[filter], text);
  else next.delete(FILTER_PARAMS[filter]);
  return next;
};

/** Clears every filter but "Show archived", which is a view setting rather than a filter. */
export const withoutFilters = (params: URLSearchParams): URLSearchParams => {
  const next = new URLSearchParams(params);
  for (const [filter, param] of Object.entries(FILTER_PARAMS)) {
    if (filter !== 'showArchived') next.delete(param);
  }
  return next;
};

export const hasFilters = (filters: PlanFilters): boolean =>
  filters.text.trim() !== '' ||
  filters.statuses.length > 0 ||
  filters.types.length > 0 ||
  filters.startedFrom !== undefined ||
  filters.startedTo !== undefined;

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar day of an RFC 3339 time, as YYYY-MM-DD. */
export const localDate = (time: string): string => {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

const startedWithin = (started: string | undefined, from?: string, to?: string) => {
  if (from === undefined && to === undefined) return true;
  if (!started) return false;
  const day = localDate(started);
  return (from === undefined || day >= from) && (to === undefined || day <= to);
};

export const filterPlanRows = (rows: readonly PlanRow[], filters: PlanFilters): PlanRow[] => {
  const needle = filters.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filters.showArchived || row.status !== 'Archived') &&
      (needle === '' || row.searchText.includes(needle)) &&
      (filters.statuses.length === 0 || filters.statuses.includes(row.status)) &&
      (filters.types.length === 0 || filters.types.includes(row.migrationType)) &&
      startedWithin(row.started, filters.startedFrom, filters.startedTo),
  );
};
