// failExecutingMigrationOnBlocker (reference engine.md §2.1 step 10): a plan that turns blocked
// while it executes waits out the grace period (controller_blocker_grace_period_minutes, default
// 5) — a provider that blips comes back — and then its run, and every VM not yet done, fail.
// Pure: the plan reconcile applies what this answers.
import type { Condition } from '../../conditions.ts';
import { isBlocker } from '../../conditions.ts';
import { markCompleted } from './timed.ts';
import type { MigrationStatusOfPlan } from './types.ts';
import {
  EXECUTING,
  FAILED,
  isTerminal,
  setCondition,
  deleteCondition,
  hasCondition,
} from './vm-conditions.ts';

export const DEFAULT_BLOCKER_GRACE_MINUTES = 5;

export const blockerGraceMinutesOf = (
  spec: { controller_blocker_grace_period_minutes?: unknown } | undefined,
): number => {
  const value = Number(spec?.controller_blocker_grace_period_minutes);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_BLOCKER_GRACE_MINUTES;
};

/** The failed status, or undefined when nothing runs or the blockers are younger than the grace. */
export const failOnBlocker = (
  migration: MigrationStatusOfPlan | undefined,
  conditions: readonly Condition[],
  now: Date,
  graceMinutes: number,
): MigrationStatusOfPlan | undefined => {
  const snapshot = migration?.history?.at(-1);
  if (!migration || !snapshot || !hasCondition(snapshot, EXECUTING)) return undefined;
  const blockers = conditions.filter(isBlocker);
  const expired = blockers.filter(
    (condition) =>
      now.getTime() - Date.parse(condition.lastTransitionTime) >= graceMinutes * 60_000,
  );
  if (expired.length === 0) return undefined;
  const status = structuredClone(migration);
  const failed = status.history!.at(-1)!;
  const why = expired.map((condition) => condition.message ?? condition.type).join('; ');
  const message = `The migration has FAILED due to a validation blocker: ${why}`;
  deleteCondition(failed, EXECUTING);
  setCondition(failed, { type: FAILED, category: 'Advisory', message, durable: true }, now);
  for (const vm of status.vms ?? []) {
    if (isTerminal(vm)) continue;
    setCondition(vm, { type: FAILED, category: 'Advisory', message, durable: true }, now);
    vm.phase = 'Completed';
    markCompleted(vm, now);
  }
  status.completed ??= now.toISOString();
  return status;
};
