import { ProviderModel, type Plan, type Provider } from '@forklift-console/api';
import { useInventory } from '../../../hooks/useInventory.ts';
import { useResource } from '../../../hooks/useResource.ts';
import type { PlanInventoryVm } from '../utils/plan-concerns.ts';

/**
 * The plan's source provider and its inventory VMs (with concerns, CPUs, memory), kept fresh by
 * the pushes for that provider. Empty while either loads or when the provider is gone.
 */
export const usePlanInventoryVms = (plan: Plan) => {
  const source = plan.spec?.provider.source;
  const provider = useResource<Provider>(
    ProviderModel,
    source?.namespace ?? plan.metadata?.namespace,
    source?.name,
  );
  const uid = provider.data?.metadata?.uid;
  const type = provider.data?.spec?.type;
  const vms = useInventory<PlanInventoryVm[]>(`providers/${type}/${uid}/vms?detail=1`, {
    providerUid: uid,
    enabled: Boolean(uid && type),
  });
  return {
    provider: provider.data,
    sourceType: type,
    vms: Array.isArray(vms.data) ? vms.data : [],
    isLoading: provider.isPending || (Boolean(uid) && vms.isPending),
    error: provider.error ?? vms.error,
  };
};
