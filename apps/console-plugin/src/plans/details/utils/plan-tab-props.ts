import type { Plan } from '@forklift-console/api';
import type { WizardMapKinds } from '../../create/utils/wizard-map-kinds.ts';
import type { usePlanInventoryVms } from '../hooks/usePlanInventoryVms.ts';
import type { PlanConcern } from './plan-concerns.ts';

/** What every tab of the plan details page is given. */
export type PlanTabProps = {
  plan: Plan;
  inventory: ReturnType<typeof usePlanInventoryVms>;
  concerns: readonly PlanConcern[];
  /** The map features' kinds, passed in by pages.ts (a feature imports no other feature). */
  mapKinds: WizardMapKinds;
};
