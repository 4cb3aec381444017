// The Overview's migration history chart: runs per hour (last 24 hours) or per day (longer
// periods), each placed where it began and stacked by how it ended. Canceled runs are left out:
// the chart answers "what ran and how did it go".
import type { Migration } from '@forklift-console/api';
import { migrationOutcome, type MigrationOutcome } from './migration-history.ts';
import type { TimeRange } from './time-range.ts';
import { isWithinRange, migrationStart, RANGE_MS } from './time-range.ts';

export type TimelineOutcome = Exclude<MigrationOutcome, 'Canceled'>;

export const TIMELINE_OUTCOMES: readonly TimelineOutcome[] = ['Succeeded', 'Failed', 'Running'];

/** One hour or one (local) day, from `start` up to the next bucket's start. */
export type TimelineBucket = { start: number } & Record<TimelineOutcome, number>;

export type BucketUnit = 'hour' | 'day';

export const bucketUnitOf = (range: TimeRange): BucketUnit => (range === '24h' ? 'hour' : 'day');

/** Buckets follow the user's clock, so days start at local midnight. */
const floorTo = (time: number, unit: BucketUnit): number => {
  const date = new Date(time);
  if (unit === 'hour') date.setMinutes(0, 0, 0);
  else date.setHours(0, 0, 0, 0);
  return date.getTime();
};

// Days are stepped by the calendar rather than by 24 hours, which would drift across a DST change.
const nextBucketStart = (start: number, unit: BucketUnit): number => {
  if (unit === 'hour') return start + 3600_000;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.getTime();
};

/**
 * The buckets from the one holding the range's start (for All, the first run's start) up to the
 * one holding now; none when no run began in the range.
 */
export const migrationTimeline = (
  migrations: Migration[],
  range: TimeRange,
  now: number,
): TimelineBucket[] => {
  // A run without any timestamp cannot be placed in time.
  const runs = migrations.filter(
    (migration) => migrationStart(migration) > 0 && isWithinRange(migration, range, now),
  );
  if (runs.length === 0) return [];
  const unit = bucketUnitOf(range);
  // All starts at the first run, and never later than yesterday: an area needs two points.
  const from =
    range === 'all'
      ? runs.reduce((first, run) => Math.min(first, migrationStart(run)), now - 24 * 3600_000)
      : now - RANGE_MS[range];
  const buckets: TimelineBucket[] = [];
  for (let start = floorTo(from, unit); start <= now; start = nextBucketStart(start, unit)) {
    buckets.push({ start, Succeeded: 0, Failed: 0, Running: 0 });
  }
  for (const run of runs) {
    const outcome = migrationOutcome(run);
    if (outcome === 'Canceled') continue;
    const began = migrationStart(run);
    // A start in the future (a clock skewed against ours) lands in the current bucket.
    const bucket = buckets.findLast((candidate) => candidate.start <= began);
    if (bucket) bucket[outcome] += 1;
  }
  return buckets;
};
