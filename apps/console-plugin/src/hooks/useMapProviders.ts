import { useMemo } from 'react';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { isTargetProvider } from '../utils/map-form.ts';
import { useResourcesInNamespace } from './useResource.ts';

/** The providers a map in `namespace` can name: any as its source, OpenShift ones as its target. */
export const useMapProviders = (namespace: string, sourceName: string, targetName: string) => {
  const query = useResourcesInNamespace<Provider>(ProviderModel, namespace);
  return useMemo(() => {
    const providers = query.data ?? [];
    const named = (name: string) => providers.find((provider) => provider.metadata?.name === name);
    return {
      isLoading: query.isLoading,
      error: query.error,
      sources: providers,
      targets: providers.filter(isTargetProvider),
      source: named(sourceName),
      target: named(targetName),
    };
  }, [query.data, query.isLoading, query.error, sourceName, targetName]);
};
