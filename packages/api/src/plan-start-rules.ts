// Whether a plan may be started (or restarted) now, and which Migration is its active one. The
// Start/Restart buttons and the BFF's start route decide alike: the page hides what the route
// would refuse with 409, and the route's refusal uses the same words.
import type { Migration, Plan } from './generated/crd-types.ts';

type Condition = { type?: string; status?: string; category?: string };

export const PLAN_START_MESSAGES = {
  archived: 'The plan is archived: it cannot be started again',
  completed: 'All VMs of the plan were migrated: a succeeded plan is not run again',
  running: 'A migration of this plan is already running',
  notReady: 'The plan is not Ready: resolve its critical conditions first',
} as const;

export type PlanStartBlock = keyof typeof PLAN_START_MESSAGES;

/** What the action is called: Restart re-runs only the VMs that failed or were canceled. */
export type PlanStartAction = 'start' | 'restart';

export type PlanStartVerdict =
  | { allowed: true; action: PlanStartAction }
  | { allowed: false; block: PlanStartBlock; message: string };

const holds = (conditions: readonly Condition[] | undefined, type: string): boolean =>
  (conditions ?? []).some((condition) => condition.type === type && condition.status === 'True');

const TERMINAL_CONDITIONS = ['Succeeded', 'Failed', 'Canceled'];

/** A Migration the engine has finished with (it stamps `completed` or a terminal condition). */
export const isMigrationFinished = (migration: Pick<Migration, 'status'>): boolean =>
  Boolean(migration.status?.completed) ||
  TERMINAL_CONDITIONS.some((type) => holds(migration.status?.conditions, type));

/** Whether `migration` is one of `plan`'s (by uid when the reference has one, else by name). */
export const isMigrationOfPlan = (
  migration: Pick<Migration, 'spec' | 'metadata'>,
  plan: Pick<Plan, 'metadata'>,
): boolean => {
  const ref = migration.spec?.plan;
  if (!ref) return false;
  if (ref.uid && plan.metadata?.uid) return ref.uid === plan.metadata.uid;
  const namespace = ref.namespace || migration.metadata?.namespace;
  return ref.name === plan.metadata?.name && namespace === plan.metadata?.namespace;
};

/**
 * The plan's Migration that is not finished yet: the running one, or one created but not taken up
 * by the engine yet. The newest when there are several (the engine runs them in creation order).
 */
export const activeMigration = <M extends Migration>(
  plan: Pick<Plan, 'metadata'>,
  migrations: readonly M[],
): M | undefined =>
  migrations
    .filter((migration) => isMigrationOfPlan(migration, plan) && !isMigrationFinished(migration))
    .sort((a, b) =>
      (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''),
    )[0];

const block = (reason: PlanStartBlock): PlanStartVerdict => ({
  allowed: false,
  block: reason,
  message: PLAN_START_MESSAGES[reason],
});

/**
 * Forklift's rules (reference engine.md §2.1, §7.4): an archived or succeeded plan never runs
 * again; one Migration at a time; a plan that failed or was canceled restarts (its succeeded VMs
 * are kept); otherwise the plan must be Ready, with no blocker.
 */
export const planStartVerdict = (
  plan: Pick<Plan, 'metadata' | 'spec' | 'status'>,
  migrations: readonly Migration[],
): PlanStartVerdict => {
  const conditions = plan.status?.conditions ?? [];
  if (plan.spec?.archived || holds(conditions, 'Archived')) return block('archived');
  if (holds(conditions, 'Succeeded')) return block('completed');
  if (holds(conditions, 'Executing') || activeMigration(plan, migrations)) return block('running');
  const blocked = conditions.some(
    (condition) =>
      condition.status === 'True' &&
      (condition.category === 'Critical' || condition.category === 'Error'),
  );
  if (blocked || !holds(conditions, 'Ready')) return block('notReady');
  const restart = holds(conditions, 'Failed') || holds(conditions, 'Canceled');
  return { allowed: true, action: restart ? 'restart' : 'start' };
};
