// The KubeVirt launcher (worker `kubevirt`): a controller for kubevirt.io/v1 VirtualMachines and
// VirtualMachineInstances on the embedded API, booting each running VMI in Debian's
// qemu-system-x86_64 behind its virt-launcher pod. Two queues: VMs (the run strategy) and VMIs
// (the launcher pod and qemu). qemu runs detached: a crash of the cluster leaves the guests
// running and the next start adopts them; a clean stop shuts the node down and kills them.
import os from 'node:os';
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubernetesListObject,
  type V1Pod,
} from '@kubernetes/client-node';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '@forklift-console/api';
import {
  createWorkQueue,
  keyOf,
  startWatch,
  type Named,
} from '@forklift-console/controller-runtime';
import type { Worker, WorkerContext } from '../workers/worker.ts';
import type { LauncherContext } from './context.ts';
import { isLauncherPod } from './launcher-pod.ts';
import { DEBIAN_OVMF_DIR } from './firmware.ts';
import { killProcess, listRuns } from './qemu-process.ts';
import { createVmReconciler } from './vm-reconcile.ts';
import { createVmiReconciler } from './vmi-reconcile.ts';

export type KubevirtLauncherOptions = {
  /** The qemu to run: a name looked up on PATH, or a path. */
  qemuBinary?: string;
  /** Where OVMF's images are (Debian's `ovmf` package). */
  ovmfDir?: string;
};

const STOP_WAIT_MS = 3_000;

const waitForExit = async (pids: number[]): Promise<void> => {
  const deadline = Date.now() + STOP_WAIT_MS;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (pids.some(alive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const startKubevirtLauncher = async (
  { kubeConfig, dataDir, logger }: WorkerContext,
  { qemuBinary = 'qemu-system-x86_64', ovmfDir = DEBIAN_OVMF_DIR }: KubevirtLauncherOptions = {},
): Promise<Worker> => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const onError = (key: string, error: unknown) =>
    logger.error({ key, err: String(error) }, 'kubevirt reconcile failed');

  const context: LauncherContext = {
    core,
    custom,
    dataDir,
    logger,
    qemuBinary,
    ovmfDir,
    nodeName: os.hostname(),
    processes: new Set(),
    requeueVmi: (key) => vmiQueue.add(key),
  };
  const vmQueue = createWorkQueue({ reconcile: createVmReconciler(context), onError });
  const vmiQueue = createWorkQueue({ reconcile: createVmiReconciler(context), onError });

  const customList = (plural: string) => async (): Promise<KubernetesListObject<Named>> =>
    (await custom.listClusterCustomObject({
      group: VirtualMachineModel.group,
      version: VirtualMachineModel.version,
      plural,
    })) as KubernetesListObject<Named>;
  const vms = await startWatch<Named>({
    kubeConfig,
    path: `/apis/kubevirt.io/v1/${VirtualMachineModel.plural}`,
    list: customList(VirtualMachineModel.plural),
    logger,
  });
  const vmis = await startWatch<Named>({
    kubeConfig,
    path: `/apis/kubevirt.io/v1/${VirtualMachineInstanceModel.plural}`,
    list: customList(VirtualMachineInstanceModel.plural),
    logger,
  });
  const pods = await startWatch<V1Pod>({
    kubeConfig,
    path: '/api/v1/pods',
    list: () => core.listPodForAllNamespaces(),
    logger,
  });

  const unsubscribers = [
    vms.subscribe(({ object }) => vmQueue.add(keyOf(object))),
    vmis.subscribe(({ object }) => {
      vmiQueue.add(keyOf(object));
      // The VM of the same name owns it: its status follows the VMI's.
      vmQueue.add(keyOf(object));
    }),
    pods.subscribe(({ object }) => {
      const domain = object.metadata?.labels?.['kubevirt.io/domain'];
      if (isLauncherPod(object) && domain) vmiQueue.add(`${object.metadata?.namespace}/${domain}`);
    }),
  ];
  for (const vm of vms.list()) vmQueue.add(keyOf(vm));
  for (const vmi of vmis.list()) vmiQueue.add(keyOf(vmi));
  // Runs left by an earlier start whose VMI is gone are collected by their VMI's reconcile.
  for (const run of await listRuns(dataDir)) {
    if (run.namespace) vmiQueue.add(`${run.namespace}/${run.name}`);
  }

  return {
    async stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await vmQueue.stop();
      await vmiQueue.stop();
      await Promise.all([vms.stop(), vmis.stop(), pods.stop()]);
      const pids = [...context.processes];
      for (const pid of pids) killProcess(pid, 'SIGTERM');
      await waitForExit(pids);
    },
  };
};
