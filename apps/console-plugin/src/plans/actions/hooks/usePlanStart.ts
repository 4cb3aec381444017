import {
  activeMigration,
  MigrationModel,
  planStartVerdict,
  type Migration,
  type Plan,
} from '@forklift-console/api';
import { useResourcesInNamespace } from '../../../hooks/useResource.ts';

/**
 * Whether the plan may start now and its unfinished Migration, from its project's Migrations (the
 * BFF refuses a start on the same rule). Shares the cache of every page listing Migrations there.
 */
export const usePlanStart = (plan: Plan) => {
  const migrations = useResourcesInNamespace<Migration>(
    MigrationModel,
    plan.metadata?.namespace ?? '',
  );
  const list = migrations.data ?? [];
  return {
    isLoading: migrations.isPending,
    verdict: planStartVerdict(plan, list),
    active: activeMigration(plan, list),
  };
};
