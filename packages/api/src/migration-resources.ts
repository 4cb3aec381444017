// What the migration-resources route answers and the plan's Virtual machines tab shows: per
// source VM, the objects its migration made in the target project (found by their labels).

export type MigrationPod = {
  name: string;
  phase?: string;
  /** `forklift.app` (virt-v2v, consumer…) or `virt-launcher`. */
  role?: string;
  containers: { name: string; state: string; reason?: string; exitCode?: number }[];
};

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
