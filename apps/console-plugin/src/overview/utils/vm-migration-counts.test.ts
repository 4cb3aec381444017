import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Migration } from '@forklift-console/api';
import { latestRunPerPlan, vmMigrationCounts } from './vm-migration-counts.ts';

const now = Date.parse('2026-11-23T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * 3600_000).toISOString();

const condition = (type: string) => ({
  type,
  status: 'True',
  category: 'Advisory',
  lastTransitionTime: hoursAgo(0),
});

/** A run of `plan` that began `startedHoursAgo`, ended by `outcome`, with VMs ended by `vms`. */
const run = (
  name: string,
  plan: string,
  startedHoursAgo: number,
  outcome: string | undefined,
  vms: (string | undefined)[],
): Migration => ({
  metadata: { name, namespace: 'demo', uid: name, creationTimestamp: hoursAgo(startedHoursAgo) },
  spec: { plan: { name: plan, namespace: 'demo' } },
  status: {
    started: hoursAgo(startedHoursAgo),
    conditions: outcome ? [condition(outcome)] : [],
    vms: vms.map((vmOutcome, index) => ({
      id: `vm-${index}`,
      phase: vmOutcome ? 'Completed' : 'CopyDisks',
      pipeline: [],
      conditions: vmOutcome ? [condition(vmOutcome)] : [],
    })),
  },
});

test('only the latest run of a plan counts: 3 VMs that failed 4 times are 3 failed VMs', () => {
  const failedThrice = ['Failed', 'Failed', 'Failed'];
  const runs = [1, 2, 3, 4].map((attempt) =>
    run(`try-${attempt}`, 'rack-a', 10 - attempt, 'Failed', failedThrice),
  );
  const counts = vmMigrationCounts(runs, 'all', now);
  assert.deepEqual(counts.byOutcome, { Running: 0, Succeeded: 0, Failed: 3, Canceled: 0 });
  assert.equal(counts.total, 3);
});

test('each VM of the latest run counts once, by its own outcome', () => {
  const runs = [
    run('old', 'rack-a', 5, 'Failed', ['Failed', 'Failed', 'Failed']),
    run('new', 'rack-a', 2, 'Failed', ['Succeeded', 'Failed', 'Canceled']),
    run('other', 'rack-b', 1, undefined, ['Succeeded', undefined]),
  ];
  assert.deepEqual(vmMigrationCounts(runs, 'all', now), {
    byOutcome: { Running: 1, Succeeded: 2, Failed: 1, Canceled: 1 },
    total: 5,
  });
});

test('a VM without a verdict runs while its run runs, and shares its run outcome once it ended', () => {
  assert.deepEqual(
    vmMigrationCounts([run('r', 'p', 1, undefined, [undefined])], 'all', now).byOutcome,
    {
      Running: 1,
      Succeeded: 0,
      Failed: 0,
      Canceled: 0,
    },
  );
  assert.deepEqual(
    vmMigrationCounts([run('r', 'p', 1, 'Canceled', [undefined])], 'all', now).byOutcome,
    { Running: 0, Succeeded: 0, Failed: 0, Canceled: 1 },
  );
});

test('runs that began before the range are left out', () => {
  const runs = [
    run('last-month', 'rack-a', 24 * 20, 'Failed', ['Failed']),
    run('yesterday', 'rack-b', 25, 'Succeeded', ['Succeeded']),
    run('today', 'rack-c', 23, 'Succeeded', ['Succeeded', 'Succeeded']),
  ];
  assert.equal(vmMigrationCounts(runs, '24h', now).total, 2);
  assert.equal(vmMigrationCounts(runs, '10d', now).total, 3);
  assert.equal(vmMigrationCounts(runs, '31d', now).total, 4);
  assert.equal(vmMigrationCounts(runs, 'all', now).total, 4);
});

test('the latest run is chosen per plan, plans of the same name in other projects apart', () => {
  const elsewhere: Migration = {
    ...run('elsewhere', 'rack-a', 1, 'Succeeded', ['Succeeded']),
    metadata: { name: 'elsewhere', namespace: 'lab' },
    spec: { plan: { name: 'rack-a' } },
  };
  const latest = latestRunPerPlan([
    run('old', 'rack-a', 5, 'Failed', []),
    run('new', 'rack-a', 2, 'Failed', []),
    elsewhere,
  ]);
  assert.deepEqual(latest.map((migration) => migration.metadata?.name).sort(), [
    'elsewhere',
    'new',
  ]);
});

test('no runs, no VMs', () => {
  assert.deepEqual(vmMigrationCounts([], 'all', now), {
    byOutcome: { Running: 0, Succeeded: 0, Failed: 0, Canceled: 0 },
    total: 0,
  });
});
