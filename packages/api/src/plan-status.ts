// What a Plan's list row and header call its state (reference ui.md §2.4 "Plan status
// derivation"), decided in Forklift's order: the first that holds wins. Both the pages and the BFF
// (bulk actions refuse running plans) read it, so it is written once here.

export const PLAN_MIGRATION_STATUSES = [
  'Archived',
  'Unknown',
  'Completed',
  'Canceled',
  'Paused',
  'CannotStart',
  'Incomplete',
  'Pending',
  'Executing',
  'Ready',
  'Validating',
] as const;

export type PlanMigrationStatus = (typeof PLAN_MIGRATION_STATUSES)[number];

type PlanCondition = { type?: string; status?: string; category?: string; message?: string };

type PlanVmStatus = {
  phase?: string;
  started?: string;
  error?: object;
  conditions?: PlanCondition[];
};

/** The parts of a Plan the derivation reads. */
export type PlanMigrationStatusInput = {
  spec?: { archived?: boolean; type?: string; warm?: boolean };
  status?: { conditions?: PlanCondition[]; migration?: { vms?: PlanVmStatus[] } };
};

const holds = (conditions: readonly PlanCondition[], type: string): boolean =>
  conditions.some((condition) => condition.type === type && condition.status === 'True');

// Both block Ready and execution (reference engine.md §0.1).
const BLOCKER_CATEGORIES = new Set(['Critical', 'Error']);

// A warm migration waits between precopies in this phase until the cutover is scheduled.
const PAUSED_PHASE = 'CopyingPaused';

const isBlocker = (condition: PlanCondition): boolean =>
  condition.status === 'True' && BLOCKER_CATEGORIES.has(condition.category ?? '');

/** Why a plan cannot start: its Critical and Error conditions' messages (their types without one). */
export const planBlockingReasons = (plan: PlanMigrationStatusInput): string[] =>
  (plan.status?.conditions ?? [])
    .filter(isBlocker)
    .map((condition) => condition.message || condition.type || '');

export const planMigrationStatus = (plan: PlanMigrationStatusInput): PlanMigrationStatus => {
  const conditions = plan.status?.conditions ?? [];
  const vms = plan.status?.migration?.vms ?? [];
  const executing = holds(conditions, 'Executing');
  const isWarm = plan.spec?.type === 'warm' || plan.spec?.warm === true;
  if (plan.spec?.archived || holds(conditions, 'Archived')) return 'Archived';
  if (conditions.length === 0) return 'Unknown';
  if (holds(conditions, 'Succeeded')) return 'Completed';
  if (holds(conditions, 'Canceled')) return 'Canceled';
  if (isWarm && executing && vms.some((vm) => vm.phase === PAUSED_PHASE)) return 'Paused';
  if (conditions.some(isBlocker)) return 'CannotStart';
  if (holds(conditions, 'Failed') || vms.some((vm) => vm.error)) return 'Incomplete';
  if (executing) return vms.some((vm) => vm.started) ? 'Executing' : 'Pending';
  if (holds(conditions, 'Ready')) return 'Ready';
  if (holds(conditions, 'ValidatingVDDK')) return 'Validating';
  return 'Unknown';
};

/** A running or pending plan cannot be archived or deleted in bulk. */
export const isPlanRunning = (status: PlanMigrationStatus): boolean =>
  status === 'Executing' || status === 'Pending' || status === 'Paused';
