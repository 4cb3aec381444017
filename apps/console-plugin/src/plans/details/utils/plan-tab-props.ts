import type { Plan } from '@forklift-console/api';
import type { usePlanInventoryVms } from '../hooks/usePlanInventoryVms.ts';
import type { PlanConcern } from './plan-concerns.ts';

/** What every tab of the plan details page is given. */
export type PlanTabProps = {
  plan: Plan;
  inventory: ReturnType<typeof usePlanInventoryVms>;
  concerns: readonly PlanConcern[];
};
