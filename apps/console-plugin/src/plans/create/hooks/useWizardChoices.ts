// What the General step chooses from: the project's Ready providers as sources, Ready `openshift`
// providers anywhere as targets, the target's projects, and every plan name the user can list
// (a plan name must be unique across all namespaces).
import { useMemo } from 'react';
import {
  PlanModel,
  ProviderModel,
  type OpenshiftResource,
  type Plan,
  type Provider,
} from '@forklift-console/api';
import { useInventory } from '../../../hooks/useInventory.ts';
import { useResourcesInNamespace } from '../../../hooks/useResource.ts';
import { useResources } from '../../../hooks/useResources.ts';
import { isTargetProvider, providerKey } from '../../../utils/map-form.ts';

const isReady = (provider: Provider) => provider.status?.phase === 'Ready';

export const useWizardChoices = (namespace: string, sourceKey: string, targetKey: string) => {
  const inProject = useResourcesInNamespace<Provider>(ProviderModel, namespace);
  const everywhere = useResources<Provider>(ProviderModel, 'all');
  const plans = useResources<Plan>(PlanModel, 'all');

  const providers = useMemo(() => {
    const sources = (inProject.data ?? []).filter(isReady);
    const targets = (everywhere.data ?? inProject.data ?? [])
      .filter(isTargetProvider)
      .filter(isReady);
    return {
      sources,
      targets,
      source: sources.find((provider) => providerKey(provider) === sourceKey),
      target: targets.find((provider) => providerKey(provider) === targetKey),
    };
  }, [inProject.data, everywhere.data, sourceKey, targetKey]);

  const targetUid = providers.target?.metadata?.uid;
  const namespaces = useInventory<OpenshiftResource[]>(
    `providers/openshift/${targetUid}/namespaces`,
    { providerUid: targetUid, enabled: Boolean(targetUid) },
  );

  const takenPlanNames = useMemo(
    () => new Set((plans.data ?? []).map((plan) => plan.metadata?.name ?? '')),
    [plans.data],
  );
  const targetNamespaces = useMemo(
    () => (namespaces.data ?? []).map((resource) => resource.name).sort(),
    [namespaces.data],
  );

  return {
    ...providers,
    isLoading: inProject.isLoading || everywhere.isLoading,
    error: inProject.error ?? plans.error,
    takenPlanNames,
    targetNamespaces,
    targetNamespacesError: namespaces.error,
  };
};

export type WizardChoices = ReturnType<typeof useWizardChoices>;
