import {
  ProviderModel,
  type OpenshiftResource,
  type Plan,
  type Provider,
} from '@forklift-console/api';
import { useInventory } from '../../../hooks/useInventory.ts';
import { useResource } from '../../../hooks/useResource.ts';

/**
 * The instance types a plan VM may take, as the target cluster's inventory has them: those of the
 * plan's target project first (Forklift looks there first), then the cluster-wide ones.
 */
export const useInstanceTypes = (plan: Plan): { names: string[]; isLoading: boolean } => {
  const destination = plan.spec?.provider.destination;
  const provider = useResource<Provider>(
    ProviderModel,
    destination?.namespace ?? plan.metadata?.namespace,
    destination?.name,
  );
  const uid = provider.data?.metadata?.uid;
  const base = `providers/openshift/${uid}`;
  const options = { providerUid: uid, enabled: Boolean(uid) };
  const namespaced = useInventory<OpenshiftResource[]>(`${base}/instancetypes`, options);
  const clusterWide = useInventory<OpenshiftResource[]>(`${base}/clusterinstancetypes`, options);
  const target = plan.spec?.targetNamespace;
  const names = [
    ...(namespaced.data ?? []).filter((type) => type.namespace === target),
    ...(clusterWide.data ?? []),
  ].map((type) => type.name);
  return {
    names: [...new Set(names)],
    isLoading:
      provider.isPending || (Boolean(uid) && (namespaced.isPending || clusterWide.isPending)),
  };
};
