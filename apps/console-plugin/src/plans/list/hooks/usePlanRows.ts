import { useMemo } from 'react';
import { PlanModel, ProviderModel, type Plan, type Provider } from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { planRows } from '../utils/plan-rows.ts';

/** The active project's plans (or all) as list rows, rebuilt only when plans or providers change. */
export const usePlanRows = () => {
  const plans = useResources<Plan>(PlanModel);
  const providers = useResources<Provider>(ProviderModel);
  const rows = useMemo(
    () => planRows(plans.data ?? [], providers.data ?? []),
    [plans.data, providers.data],
  );
  return { rows, providers: providers.data, isPending: plans.isPending, error: plans.error };
};
