// What a plan's migration made in the target project, per source VM: the objects labelled
// `plan=<uid>` (reference engine.md §8.1) grouped by their `vmID`, each reduced to what the
// Virtual machines tab shows. A VirtualMachine brings its virt-launcher pods, which KubeVirt
// labels with the VM's name rather than the plan, so that the page can show the serial console.
import {
  CoreV1Api,
  type KubeConfig,
  type V1PersistentVolumeClaim,
  type V1Pod,
} from '@kubernetes/client-node';
import {
  DataVolumeModel,
  VirtualMachineModel,
  type MigrationPod,
  type MigrationResources,
  type VmMigrationResources,
} from '@forklift-console/api';
import { objectsOf } from '../kube/objects.ts';

/** What grouping reads of any object, core kinds (client-node's types) and custom ones alike. */
type Labelled = { metadata?: { name?: string; labels?: Record<string, string> } };
type DataVolume = Labelled & {
  status?: { phase?: string; progress?: string; claimName?: string };
};
type VirtualMachine = Labelled & { status?: { printableStatus?: string } };

const LAUNCHER_SELECTOR = 'kubevirt.io=virt-launcher';

const podSummary = (pod: V1Pod): MigrationPod => {
  const labels = pod.metadata?.labels ?? {};
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase,
    role: labels['forklift.app'] ?? labels['kubevirt.io'],
    containers: (pod.status?.containerStatuses ?? []).map(({ name, state }) => {
      if (state?.terminated) {
        const { reason, exitCode } = state.terminated;
        return { name, state: 'terminated', ...(reason ? { reason } : {}), exitCode };
      }
      if (state?.running) return { name, state: 'running' };
      const reason = state?.waiting?.reason;
      return { name, state: 'waiting', ...(reason ? { reason } : {}) };
    }),
  };
};

const name = (object: Labelled) => object.metadata?.name ?? '';

export const listMigrationResources = async (
  kubeConfig: KubeConfig,
  planUid: string,
  namespace: string,
): Promise<MigrationResources> => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const labelSelector = `plan=${planUid}`;
  const [dataVolumes, claims, pods, machines, launchers] = await Promise.all([
    objectsOf<DataVolume>(kubeConfig, DataVolumeModel).list(namespace, labelSelector),
    core.listNamespacedPersistentVolumeClaim({ namespace, labelSelector }),
    core.listNamespacedPod({ namespace, labelSelector }),
    objectsOf<VirtualMachine>(kubeConfig, VirtualMachineModel).list(namespace, labelSelector),
    core.listNamespacedPod({ namespace, labelSelector: LAUNCHER_SELECTOR }),
  ]);
  const byVm = new Map<string, VmMigrationResources>();
  const entry = (object: Labelled): VmMigrationResources => {
    const vmID = object.metadata?.labels?.vmID ?? '';
    let resources = byVm.get(vmID);
    if (!resources) {
      resources = {
        vmID,
        dataVolumes: [],
        persistentVolumeClaims: [],
        pods: [],
        virtualMachines: [],
      };
      byVm.set(vmID, resources);
    }
    return resources;
  };
  for (const dv of dataVolumes) {
    const { phase, progress, claimName } = dv.status ?? {};
    entry(dv).dataVolumes.push({ name: name(dv), phase, progress, claimName });
  }
  for (const claim of claims.items as V1PersistentVolumeClaim[]) {
    entry(claim).persistentVolumeClaims.push({
      name: name(claim),
      phase: claim.status?.phase,
      capacity: claim.status?.capacity?.storage ?? claim.spec?.resources?.requests?.storage,
      storageClassName: claim.spec?.storageClassName,
    });
  }
  for (const pod of pods.items) entry(pod).pods.push(podSummary(pod));
  for (const vm of machines) {
    const launcherPods = launchers.items
      .filter((pod) => pod.metadata?.labels?.['vm.kubevirt.io/name'] === name(vm))
      .map(podSummary);
    entry(vm).virtualMachines.push({
      name: name(vm),
      printableStatus: vm.status?.printableStatus,
      launcherPods,
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    namespace,
    vms: [...byVm.values()]
      .sort((a, b) => a.vmID.localeCompare(b.vmID))
      .map((resources) => ({
        ...resources,
        dataVolumes: resources.dataVolumes.sort(byName),
        persistentVolumeClaims: resources.persistentVolumeClaims.sort(byName),
        pods: resources.pods.sort(byName),
      })),
  };
};
