// The dashboard's periods, measured back from now against when a run began: the same rule the
// History tab applies, so that a count on the Overview matches the rows it links to.
import type { Migration } from '@forklift-console/api';

export type TimeRange = '24h' | '10d' | '31d' | 'all';

export const TIME_RANGES: readonly TimeRange[] = ['24h', '10d', '31d', 'all'];

export const RANGE_MS: Record<TimeRange, number> = {
  '24h': 24 * 3600_000,
  '10d': 10 * 24 * 3600_000,
  '31d': 31 * 24 * 3600_000,
  all: Number.POSITIVE_INFINITY,
};

export const isTimeRange = (value: unknown): value is TimeRange =>
  TIME_RANGES.some((range) => range === value);

/** When a run began: its start, or its creation while it waits to start; 0 when unknown. */
export const migrationStart = (migration: Migration): number =>
  Date.parse(migration.status?.started ?? migration.metadata?.creationTimestamp ?? '') || 0;

export const isWithinRange = (migration: Migration, range: TimeRange, now: number): boolean =>
  now - migrationStart(migration) <= RANGE_MS[range];
