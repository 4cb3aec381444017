import { useQuery } from '@tanstack/react-query';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { resourcesQueryKey } from '../../../hooks/useResources.ts';
import { fetchBffJson } from '../../../utils/bff.ts';

/**
 * Names of the providers in a project, which need not be the active one. It shares the list
 * pages' cache entry, so server push keeps it fresh and a name taken meanwhile is caught.
 */
export const useProjectProviderNames = (namespace: string) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: resourcesQueryKey(ProviderModel.plural, namespace),
    queryFn: async () =>
      (
        await fetchBffJson<{ items: Provider[] }>(
          bffBaseUrl,
          `/api/v1/resources/${ProviderModel.plural}?namespace=${encodeURIComponent(namespace)}`,
        )
      ).items,
    select: (providers) => providers.map((provider) => provider.metadata?.name ?? ''),
    enabled: namespace !== '',
  });
};
