import { useQuery } from '@tanstack/react-query';
import type { MigrationResources } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { MIGRATION_RESOURCES_KEY } from '../../../hooks/useChangeFeed.ts';
import { fetchBffJson } from '../../../utils/bff.ts';

/**
 * The objects the plan's migration made, per VM. The change feed pushes changes of plan-labelled
 * DataVolumes, PVCs, Pods and VMs, which refetch this (hooks/useChangeFeed.ts).
 */
export const useMigrationResources = (namespace: string, name: string, enabled: boolean) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: [MIGRATION_RESOURCES_KEY, namespace, name],
    queryFn: () =>
      fetchBffJson<MigrationResources>(
        bffBaseUrl,
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/plans/${encodeURIComponent(name)}/migration-resources`,
      ),
    enabled,
  });
};
