import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import { fetchBffJson } from '../../utils/bff.ts';

export type ServiceComponent = {
  name: string;
  role?: string;
  state: string;
  message?: string;
  created: string;
  logs: { kind: 'bff' | 'pod'; namespace?: string };
};

/** The migration service's components; fetched when the tab opens and on Refresh. */
export const useServiceHealth = () => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: ['service-health', bffBaseUrl],
    queryFn: async () =>
      (await fetchBffJson<{ components: ServiceComponent[] }>(bffBaseUrl, '/api/v1/admin/health'))
        .components,
    staleTime: 0,
  });
};
