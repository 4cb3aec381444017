import { useQuery } from '@tanstack/react-query';
import type { K8sModel, ObjectMeta } from '@forklift-console/api';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { fetchBffJson } from '../utils/bff.ts';

export type ListedResource = { metadata?: ObjectMeta; status?: Record<string, unknown> };

/** Query keys start with the plural so that a change pushed by the BFF invalidates just those. */
export const resourcesQueryKey = (plural: string, namespace?: string) =>
  ['resources', plural, namespace ?? '#all'] as const;

/**
 * The resources of one kind in the active project (or all projects, or all regardless of the
 * active project with scope 'all'), kept fresh by server push.
 */
export const useResources = <T extends ListedResource = ListedResource>(
  model: K8sModel,
  scope: 'active' | 'all' = 'active',
) => {
  const { activeNamespace, bffBaseUrl } = useConsoleHost();
  const namespace = model.namespaced && scope === 'active' ? activeNamespace : undefined;
  return useQuery({
    queryKey: resourcesQueryKey(model.plural, namespace),
    queryFn: async () => {
      const query = namespace ? `?namespace=${encodeURIComponent(namespace)}` : '';
      const list = await fetchBffJson<{ items: T[] }>(
        bffBaseUrl,
        `/api/v1/resources/${model.plural}${query}`,
      );
      return list.items;
    },
  });
};
