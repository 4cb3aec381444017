import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Migration } from '@forklift-console/api';
import { historyRows, migrationOutcome } from './migration-history.ts';

const now = Date.parse('2026-11-23T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3600_000).toISOString();

const migration = (
  name: string,
  plan: string,
  startedHoursAgo: number,
  condition?: string,
): Migration => ({
  metadata: { name, namespace: 'demo', uid: name, creationTimestamp: hoursAgo(startedHoursAgo) },
  spec: { plan: { name: plan } },
  status: {
    started: hoursAgo(startedHoursAgo),
    ...(condition
      ? {
          completed: hoursAgo(startedHoursAgo - 1),
          conditions: [
            {
              type: condition,
              status: 'True',
              category: 'Advisory',
              lastTransitionTime: hoursAgo(0),
            },
          ],
        }
      : {}),
  } as Migration['status'],
});

const all = { outcome: undefined, range: 'all', groupByPlan: false, now } as const;

test('a migration reads as Running until a Succeeded, Failed or Canceled condition ends it', () => {
  assert.equal(migrationOutcome(migration('a', 'p', 1)), 'Running');
  assert.equal(migrationOutcome(migration('a', 'p', 3, 'Succeeded')), 'Succeeded');
  assert.equal(migrationOutcome(migration('a', 'p', 3, 'Failed')), 'Failed');
  assert.equal(migrationOutcome(migration('a', 'p', 3, 'Canceled')), 'Canceled');
});

test('the history lists newest first and filters by status and time range', () => {
  const migrations = [
    migration('old-failure', 'rack-a', 24 * 20, 'Failed'),
    migration('yesterday', 'rack-a', 30, 'Succeeded'),
    migration('now', 'rack-b', 1),
  ];
  assert.deepEqual(
    historyRows(migrations, all).map((row) => row.name),
    ['now', 'yesterday', 'old-failure'],
  );
  assert.deepEqual(
    historyRows(migrations, { ...all, outcome: 'Failed' }).map((row) => row.name),
    ['old-failure'],
  );
  assert.deepEqual(
    historyRows(migrations, { ...all, range: '24h' }).map((row) => row.name),
    ['now'],
  );
});

test('grouping by plan keeps only the most recent run of each plan', () => {
  const migrations = [
    migration('first-try', 'rack-a', 5, 'Failed'),
    migration('second-try', 'rack-a', 3, 'Failed'),
    migration('third-try', 'rack-a', 2, 'Succeeded'),
    migration('other-plan', 'rack-b', 4, 'Failed'),
  ];
  const grouped = historyRows(migrations, { ...all, groupByPlan: true });
  assert.deepEqual(
    grouped.map((row) => [row.name, row.outcome]),
    [
      ['third-try', 'Succeeded'],
      ['other-plan', 'Failed'],
    ],
  );
  assert.deepEqual(
    historyRows(migrations, { ...all, groupByPlan: true, outcome: 'Failed' }).map((r) => r.name),
    ['other-plan'],
    'a plan whose latest run succeeded no longer counts as failed',
  );
});
