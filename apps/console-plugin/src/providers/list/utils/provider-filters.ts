// The Providers list's filters live in the URL, so that a link (the Overview's welcome card uses
// `?providerType=`) opens the list filtered and a reload keeps the filters.
import type { ProviderType } from '@forklift-console/api';
import { providerTypeInfo } from '../../utils/provider-types.ts';
import { isProviderPhase, type ProviderPhase } from '../../utils/provider-status.ts';
import type { ProviderRow } from './provider-rows.ts';

export type ProviderFilters = { name: string; type?: ProviderType; phase?: ProviderPhase };

export const FILTER_PARAMS = { name: 'name', type: 'providerType', phase: 'status' } as const;

/** A value the page does not know (say, a mistyped link) means no filter rather than no rows. */
export const filtersFromSearchParams = (params: URLSearchParams): ProviderFilters => {
  const phase = params.get(FILTER_PARAMS.phase);
  return {
    name: params.get(FILTER_PARAMS.name) ?? '',
    type: providerTypeInfo(params.get(FILTER_PARAMS.type) ?? undefined)?.type,
    phase: isProviderPhase(phase) ? phase : undefined,
  };
};

/** The URL's parameters with one filter set, or removed when empty; other parameters stay. */
export const withFilter = (
  params: URLSearchParams,
  filter: keyof typeof FILTER_PARAMS,
  value: string | undefined,
): URLSearchParams => {
  const next = new URLSearchParams(params);
  if (value) next.set(FILTER_PARAMS[filter], value);
  else next.delete(FILTER_PARAMS[filter]);
  return next;
};

export const withoutFilters = (params: URLSearchParams): URLSearchParams => {
  const next = new URLSearchParams(params);
  for (const param of Object.values(FILTER_PARAMS)) next.delete(param);
  return next;
};

export const hasFilters = ({ name, type, phase }: ProviderFilters): boolean =>
  name.trim() !== '' || type !== undefined || phase !== undefined;

export const filterProviderRows = (
  rows: readonly ProviderRow[],
  { name, type, phase }: ProviderFilters,
): ProviderRow[] => {
  const needle = name.trim().toLowerCase();
  return rows.filter(
    (row) =>
      row.name.toLowerCase().includes(needle) &&
      (type === undefined || row.type === type) &&
      (phase === undefined || row.phase === phase),
  );
};

export type SortDirection = 'asc' | 'desc';

/** By name, then project, so that equal names across projects keep a stable order. */
export const sortProviderRows = (
  rows: readonly ProviderRow[],
  direction: SortDirection,
): ProviderRow[] => {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * (a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace)),
  );
};
