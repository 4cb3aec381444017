// The Overview's virtual machines donut: how the VMs of each plan's most recent run ended. Older
// runs are left out because a VM retried until it succeeded is one success, not a string of failures.
import type { Migration } from '@forklift-console/api';
import {
  MIGRATION_OUTCOMES,
  migrationOutcome,
  type MigrationOutcome,
} from './migration-history.ts';
import { isWithinRange, migrationStart, type TimeRange } from './time-range.ts';

type VmMigrationStatus = NonNullable<NonNullable<Migration['status']>['vms']>[number];

export type VmMigrationCounts = { byOutcome: Record<MigrationOutcome, number>; total: number };

const planKey = (migration: Migration) =>
  `${migration.spec?.plan.namespace ?? migration.metadata?.namespace}/${migration.spec?.plan.name}`;

/** The newest run of each plan; ties go to the later name so that the result is stable. */
export const latestRunPerPlan = (migrations: Migration[]): Migration[] => {
  const latest = new Map<string, Migration>();
  for (const migration of migrations) {
    const key = planKey(migration);
    const current = latest.get(key);
    const newer =
      !current ||
      migrationStart(migration) > migrationStart(current) ||
      (migrationStart(migration) === migrationStart(current) &&
        (migration.metadata?.name ?? '') > (current.metadata?.name ?? ''));
    if (newer) latest.set(key, migration);
  }
  return [...latest.values()];
};

const hasCondition = (vm: VmMigrationStatus, type: string) =>
  vm.conditions?.some((condition) => condition.type === type && condition.status === 'True') ??
  false;

/**
 * A VM's own Succeeded, Failed or Canceled condition decides (the engine sets them durably when the
 * VM ends). Without one, the VM shares its run's outcome: a VM cannot still run once its run ended.
 */
export const vmMigrationOutcome = (
  vm: VmMigrationStatus,
  runOutcome: MigrationOutcome,
): MigrationOutcome => {
  if (hasCondition(vm, 'Canceled')) return 'Canceled';
  if (hasCondition(vm, 'Failed')) return 'Failed';
  if (hasCondition(vm, 'Succeeded')) return 'Succeeded';
  return runOutcome;
};

export const vmMigrationCounts = (
  migrations: Migration[],
  range: TimeRange,
  now: number,
): VmMigrationCounts => {
  const byOutcome = Object.fromEntries(MIGRATION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    MigrationOutcome,
    number
  >;
  const runs = latestRunPerPlan(
    migrations.filter((migration) => isWithinRange(migration, range, now)),
  );
  let total = 0;
  for (const run of runs) {
    const runOutcome = migrationOutcome(run);
    for (const vm of run.status?.vms ?? []) {
      byOutcome[vmMigrationOutcome(vm, runOutcome)] += 1;
      total += 1;
    }
  }
  return { byOutcome, total };
};
