import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { fetchAdministratorAccess } from '../utils/administrator-access.ts';

/** Rights change rarely and only through RBAC objects the feed does not watch: asked once. */
export const useAdministratorAccess = () => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: ['administrator-access', bffBaseUrl],
    queryFn: () => fetchAdministratorAccess(bffBaseUrl),
  });
};
