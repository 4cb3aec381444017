import { useMemo } from 'react';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { isTargetProvider, providerKey } from '../utils/map-form.ts';
import { useResourcesInNamespace } from './useResource.ts';
import { useResources } from './useResources.ts';

/**
 * The providers a map in `namespace` can name: the project's own as its source, and as its target
 * any OpenShift provider the user can see (the host cluster's provider usually lives in the
 * operator's project). Without the right to list all projects, the project's own targets.
 * Providers are named by `providerKey` (`namespace/name`).
 */
export const useMapProviders = (namespace: string, sourceKey: string, targetKey: string) => {
  const inProject = useResourcesInNamespace<Provider>(ProviderModel, namespace);
  const everywhere = useResources<Provider>(ProviderModel, 'all');
  return useMemo(() => {
    const sources = inProject.data ?? [];
    const targets = (everywhere.data ?? sources).filter(isTargetProvider);
    const find = (providers: readonly Provider[], key: string) =>
      providers.find((provider) => providerKey(provider) === key);
    return {
      isLoading: inProject.isLoading,
      error: inProject.error,
      sources,
      targets,
      source: find(sources, sourceKey),
      target: find(targets, targetKey),
    };
  }, [inProject.data, inProject.isLoading, inProject.error, everywhere.data, sourceKey, targetKey]);
};
