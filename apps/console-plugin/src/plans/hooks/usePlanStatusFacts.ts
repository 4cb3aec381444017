import { MigrationModel, type Migration, type Plan } from '@forklift-console/api';
import { useResourcesInNamespace } from '../../hooks/useResource.ts';
import { planStatusFacts } from '../utils/plan-status-facts.ts';

/** The plan's status as the list shows it, from its project's Migrations (a cache pages share). */
export const usePlanStatusFacts = (plan: Plan) => {
  const migrations = useResourcesInNamespace<Migration>(
    MigrationModel,
    plan.metadata?.namespace ?? '',
  );
  return planStatusFacts(plan, migrations.data ?? []);
};
