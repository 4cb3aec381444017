// The History tab's rows: every Migration with its outcome, filtered by status and time range,
// optionally only the most recent run of each plan.
import type { Migration } from '@forklift-console/api';
import { isWithinRange, migrationStart, type TimeRange } from './time-range.ts';

export type MigrationOutcome = 'Running' | 'Succeeded' | 'Failed' | 'Canceled';

export const MIGRATION_OUTCOMES: readonly MigrationOutcome[] = [
  'Running',
  'Succeeded',
  'Failed',
  'Canceled',
];

const isTrue = (migration: Migration, type: string) =>
  migration.status?.conditions?.some(
    (condition) => condition.type === type && condition.status === 'True',
  ) ?? false;

/** A migration that has not ended is running, whether or not its first VM has started yet. */
export const migrationOutcome = (migration: Migration): MigrationOutcome => {
  if (isTrue(migration, 'Canceled')) return 'Canceled';
  if (isTrue(migration, 'Failed')) return 'Failed';
  if (isTrue(migration, 'Succeeded')) return 'Succeeded';
  return 'Running';
};

export type HistoryRow = {
  uid: string;
  name: string;
  namespace: string;
  plan: { name: string; namespace: string };
  outcome: MigrationOutcome;
  started: string | undefined;
  completed: string | undefined;
};

export type HistoryFilter = {
  outcome: MigrationOutcome | undefined;
  range: TimeRange;
  groupByPlan: boolean;
  now: number;
};

export const historyRows = (migrations: Migration[], filter: HistoryFilter): HistoryRow[] => {
  const inRange = migrations.filter((migration) =>
    isWithinRange(migration, filter.range, filter.now),
  );
  const newestFirst = [...inRange].sort((a, b) => migrationStart(b) - migrationStart(a));
  const planKey = (migration: Migration) =>
    `${migration.spec?.plan.namespace ?? migration.metadata?.namespace}/${migration.spec?.plan.name}`;
  const seenPlans = new Set<string>();
  // Grouping keeps each plan's latest run, then the status filter applies to that run.
  const runs = filter.groupByPlan
    ? newestFirst.filter((migration) => {
        const key = planKey(migration);
        if (seenPlans.has(key)) return false;
        seenPlans.add(key);
        return true;
      })
    : newestFirst;
  return runs
    .map((migration) => ({
      uid: migration.metadata?.uid ?? '',
      name: migration.metadata?.name ?? '',
      namespace: migration.metadata?.namespace ?? '',
      plan: {
        name: migration.spec?.plan.name ?? '',
        namespace: migration.spec?.plan.namespace ?? migration.metadata?.namespace ?? '',
      },
      outcome: migrationOutcome(migration),
      started: migration.status?.started,
      completed: migration.status?.completed,
    }))
    .filter((row) => !filter.outcome || row.outcome === filter.outcome);
};
