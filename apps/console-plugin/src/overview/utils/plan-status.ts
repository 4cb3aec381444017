// The Overview's migration plans donut: one status per plan, read from the conditions the plan
// controller writes. The order of the checks follows the plans list's status derivation
// (reference ui.md §2.4), whose first matching rule wins:
// - Archived: `spec.archived` or the `Archived` condition, which archiving sets (engine.md §2.1.7).
// - Unknown: no conditions yet, i.e. the controller has not reconciled the plan.
// - Completed: `Succeeded`; a succeeded plan is never executed again (engine.md §2.1.3).
// - Canceled: `Canceled`, copied durably from the last run (engine.md §2.1.10g).
// - Paused: a warm plan that is `Executing` with a VM in the `CopyingPaused` phase, i.e. between
//   precopies and waiting for its cutover.
// - Cannot start: a blocker, i.e. a True condition of category Critical or Error; both block Ready
//   and execution (engine.md §0.1).
// - Incomplete: `Failed`, or a VM of the current run with an error.
// - Running: `Executing` ("The plan is EXECUTING."), including a run whose VMs wait to start.
// - Not started: `Ready` ("The migration plan is ready."), or `ValidatingVDDK`, which holds Ready
//   back while the VDDK image is checked; neither has a run under way.
// - Unknown: anything else.
import type { Plan } from '@forklift-console/api';

export type PlanState =
  | 'NotStarted'
  | 'CannotStart'
  | 'Running'
  | 'Paused'
  | 'Incomplete'
  | 'Completed'
  | 'Archived'
  | 'Canceled'
  | 'Unknown';

export const PLAN_STATES: readonly PlanState[] = [
  'NotStarted',
  'CannotStart',
  'Running',
  'Paused',
  'Incomplete',
  'Completed',
  'Archived',
  'Canceled',
  'Unknown',
];

type PlanCondition = NonNullable<NonNullable<Plan['status']>['conditions']>[number];

const BLOCKER_CATEGORIES = new Set(['Critical', 'Error']);

const isWarm = (plan: Plan) => plan.spec?.type === 'warm' || plan.spec?.warm === true;

export const planState = (plan: Plan): PlanState => {
  const conditions: PlanCondition[] = plan.status?.conditions ?? [];
  const holds = (type: string) =>
    conditions.some((condition) => condition.type === type && condition.status === 'True');
  const vms = plan.status?.migration?.vms ?? [];

  if (plan.spec?.archived || holds('Archived')) return 'Archived';
  if (conditions.length === 0) return 'Unknown';
  if (holds('Succeeded')) return 'Completed';
  if (holds('Canceled')) return 'Canceled';
  if (isWarm(plan) && holds('Executing') && vms.some((vm) => vm.phase === 'CopyingPaused')) {
    return 'Paused';
  }
  if (
    conditions.some(
      (condition) => condition.status === 'True' && BLOCKER_CATEGORIES.has(condition.category),
    )
  ) {
    return 'CannotStart';
  }
  if (holds('Failed') || vms.some((vm) => vm.error)) return 'Incomplete';
  if (holds('Executing')) return 'Running';
  if (holds('Ready') || holds('ValidatingVDDK')) return 'NotStarted';
  return 'Unknown';
};

export const planStateCounts = (plans: Plan[]): Record<PlanState, number> => {
  const counts = Object.fromEntries(PLAN_STATES.map((state) => [state, 0])) as Record<
    PlanState,
    number
  >;
  for (const plan of plans) counts[planState(plan)] += 1;
  return counts;
};
