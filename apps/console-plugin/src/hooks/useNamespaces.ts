import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { fetchBffJson } from '../utils/bff.ts';

/** Names of the projects the user can see, sorted; refreshed when a namespace changes. */
export const useNamespaces = () => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: ['resources', 'namespaces'],
    queryFn: async () =>
      (await fetchBffJson<{ items: string[] }>(bffBaseUrl, '/api/v1/namespaces')).items,
  });
};
