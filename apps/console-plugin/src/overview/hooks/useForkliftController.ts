import { useQuery } from '@tanstack/react-query';
import type { ForkliftController } from '@forklift-console/api';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import { fetchBffJson } from '../../utils/bff.ts';

// Under the 'resources' key of its kind, so a pushed change to the controller refreshes it.
export const forkliftControllerQueryKey = ['resources', 'forkliftcontrollers', 'admin'] as const;

/** The migration service's ForkliftController, as the administrator routes serve it. */
export const useForkliftController = () => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: forkliftControllerQueryKey,
    queryFn: () =>
      fetchBffJson<ForkliftController>(bffBaseUrl, '/api/v1/admin/forklift-controller'),
  });
};
