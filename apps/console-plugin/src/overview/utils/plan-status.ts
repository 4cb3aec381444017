// The Overview's migration plans donut groups packages/api's plan status (Forklift's derivation,
// reference ui.md §2.4) more coarsely: a run whose VMs wait to start counts as Running, and a plan
// that is Ready or whose VDDK image is still being checked as Not started.
import { planMigrationStatus, type Plan, type PlanMigrationStatus } from '@forklift-console/api';

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

const STATE_OF_STATUS: Record<PlanMigrationStatus, PlanState> = {
  Archived: 'Archived',
  Unknown: 'Unknown',
  Completed: 'Completed',
  Canceled: 'Canceled',
  Paused: 'Paused',
  CannotStart: 'CannotStart',
  Incomplete: 'Incomplete',
  Pending: 'Running',
  Executing: 'Running',
  Ready: 'NotStarted',
  Validating: 'NotStarted',
};

export const planState = (plan: Plan): PlanState => STATE_OF_STATUS[planMigrationStatus(plan)];

export const planStateCounts = (plans: Plan[]): Record<PlanState, number> => {
  const counts = Object.fromEntries(PLAN_STATES.map((state) => [state, 0])) as Record<
    PlanState,
    number
  >;
  for (const plan of plans) counts[planState(plan)] += 1;
  return counts;
};
