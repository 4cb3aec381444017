import { useMemo } from 'react';
import {
  MigrationModel,
  PlanModel,
  ProviderModel,
  type Migration,
  type Plan,
  type Provider,
} from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { planRows } from '../utils/plan-rows.ts';

/** The active project's plans (or all) as list rows, rebuilt only when plans, providers or Migrations change. */
export const usePlanRows = () => {
  const plans = useResources<Plan>(PlanModel);
  const providers = useResources<Provider>(ProviderModel);
  const migrations = useResources<Migration>(MigrationModel);
  const rows = useMemo(
    () => planRows(plans.data ?? [], providers.data ?? [], migrations.data ?? []),
    [plans.data, providers.data, migrations.data],
  );
  return { rows, providers: providers.data, isPending: plans.isPending, error: plans.error };
};
