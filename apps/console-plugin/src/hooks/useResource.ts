import { useQuery } from '@tanstack/react-query';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { fetchBffJson } from '../utils/bff.ts';
import { resourcesQueryKey, type ListedResource } from './useResources.ts';

/** Under the kind's plural, so that a change pushed for that kind invalidates it too. */
export const resourceQueryKey = (plural: string, namespace: string, name: string) =>
  ['resources', plural, namespace, name] as const;

/** One resource, kept fresh by server push; disabled until both names are known. */
export const useResource = <T extends ListedResource = ListedResource>(
  model: K8sModel,
  namespace: string | undefined,
  name: string | undefined,
) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: resourceQueryKey(model.plural, namespace ?? '', name ?? ''),
    queryFn: () =>
      fetchBffJson<T>(
        bffBaseUrl,
        `/api/v1/resources/${model.plural}/${encodeURIComponent(namespace ?? '')}/${encodeURIComponent(name ?? '')}`,
      ),
    enabled: Boolean(namespace && name),
  });
};

/**
 * The resources of one kind in a given project, whatever project the user has chosen (a details
 * page shows what belongs to its own resource). Shares the cache of useResources.
 */
export const useResourcesInNamespace = <T extends ListedResource = ListedResource>(
  model: K8sModel,
  namespace: string,
) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: resourcesQueryKey(model.plural, namespace),
    queryFn: async () => {
      const list = await fetchBffJson<{ items: T[] }>(
        bffBaseUrl,
        `/api/v1/resources/${model.plural}?namespace=${encodeURIComponent(namespace)}`,
      );
      return list.items;
    },
  });
};
