import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { MIGRATION_RESOURCES_KEY } from '../../../hooks/useChangeFeed.ts';
import { fetchBffJson } from '../../../utils/bff.ts';

export type MigrationPod = {
  name: string;
  phase?: string;
  role?: string;
  containers: { name: string; state: string; reason?: string; exitCode?: number }[];
};

/** One source VM's objects, as apps/bff/src/plans/migration-resources.ts answers them. */
export type VmMigrationResources = {
  vmID: string;
  dataVolumes: { name: string; phase?: string; progress?: string; claimName?: string }[];
  persistentVolumeClaims: {
    name: string;
    phase?: string;
    capacity?: string;
    storageClassName?: string;
  }[];
  pods: MigrationPod[];
  virtualMachines: { name: string; printableStatus?: string; launcherPods: MigrationPod[] }[];
};

export type MigrationResources = { namespace: string; vms: VmMigrationResources[] };

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
