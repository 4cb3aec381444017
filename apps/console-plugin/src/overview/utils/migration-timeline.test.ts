import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Migration } from '@forklift-console/api';
import { bucketUnitOf, migrationTimeline } from './migration-timeline.ts';

// Buckets follow the local clock, so the fixtures are built from local dates too.
const now = new Date(2026, 10, 23, 12, 30).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

const run = (name: string, began: Date, outcome?: string): Migration => ({
  metadata: { name, namespace: 'demo', uid: name, creationTimestamp: began.toISOString() },
  spec: { plan: { name: 'rack-a', namespace: 'demo' } },
  status: {
    started: began.toISOString(),
    conditions: outcome
      ? [{ type: outcome, status: 'True', category: 'Advisory', lastTransitionTime: '' }]
      : [],
  },
});

const counts = (buckets: ReturnType<typeof migrationTimeline>) =>
  buckets.map(({ Succeeded, Failed, Running }) => [Succeeded, Failed, Running]);

test('the last 24 hours are hourly buckets from the hour 24 hours ago up to the current hour', () => {
  const buckets = migrationTimeline([run('now', at(23, 12, 5))], '24h', now);
  assert.equal(bucketUnitOf('24h'), 'hour');
  assert.equal(buckets.length, 25);
  assert.equal(buckets[0]?.start, at(22, 12).getTime());
  assert.equal(buckets.at(-1)?.start, at(23, 12).getTime());
});

test('a run lands in the bucket it began in, boundaries belonging to the later bucket', () => {
  const buckets = migrationTimeline(
    [
      run('on-the-hour', at(23, 10), 'Succeeded'),
      run('just-before', at(23, 9, 59), 'Failed'),
      run('running', at(23, 10, 30)),
    ],
    '24h',
    now,
  );
  const byStart = new Map(buckets.map((bucket) => [bucket.start, bucket]));
  assert.deepEqual(byStart.get(at(23, 9).getTime()), {
    start: at(23, 9).getTime(),
    Succeeded: 0,
    Failed: 1,
    Running: 0,
  });
  assert.deepEqual(byStart.get(at(23, 10).getTime()), {
    start: at(23, 10).getTime(),
    Succeeded: 1,
    Failed: 0,
    Running: 1,
  });
});

test('runs that began before the range are left out, and canceled runs are not charted', () => {
  const buckets = migrationTimeline(
    [
      run('too-old', at(22, 12, 29), 'Succeeded'),
      run('in-range', at(22, 12, 31), 'Succeeded'),
      run('canceled', at(23, 11), 'Canceled'),
    ],
    '24h',
    now,
  );
  assert.deepEqual(
    counts(buckets)
      .flat()
      .reduce((sum, count) => sum + count, 0),
    1,
  );
  assert.deepEqual(counts(buckets)[0], [1, 0, 0]);
});

test('longer ranges are daily buckets starting at local midnight', () => {
  const buckets = migrationTimeline(
    [run('monday', at(16, 0), 'Failed'), run('sunday', at(15, 23, 59), 'Succeeded')],
    '10d',
    now,
  );
  assert.equal(bucketUnitOf('10d'), 'day');
  assert.equal(buckets.length, 11);
  assert.equal(buckets[0]?.start, at(13, 0).getTime());
  assert.equal(buckets.at(-1)?.start, at(23, 0).getTime());
  const byStart = new Map(buckets.map((bucket) => [bucket.start, bucket]));
  assert.equal(byStart.get(at(15, 0).getTime())?.Succeeded, 1);
  assert.equal(byStart.get(at(16, 0).getTime())?.Failed, 1);
  assert.equal(migrationTimeline([], '31d', now).length, 0);
});

test('All runs from the day of the first run to today', () => {
  const buckets = migrationTimeline(
    [run('first', new Date(2026, 9, 30, 18), 'Succeeded'), run('latest', at(23, 8))],
    'all',
    now,
  );
  assert.equal(buckets[0]?.start, new Date(2026, 9, 30).getTime());
  assert.equal(buckets.length, 25);
  assert.deepEqual(counts(buckets)[0], [1, 0, 0]);
  assert.deepEqual(counts(buckets).at(-1), [0, 0, 1]);
});

test('All shows yesterday too when the first run is today, as an area needs two points', () => {
  const buckets = migrationTimeline([run('today', at(23, 8), 'Succeeded')], 'all', now);
  assert.deepEqual(
    buckets.map((bucket) => bucket.start),
    [at(22, 0).getTime(), at(23, 0).getTime()],
  );
});

test('no run in the range gives no buckets, so the card can say so', () => {
  assert.deepEqual(migrationTimeline([run('old', at(1, 12), 'Failed')], '10d', now), []);
});
