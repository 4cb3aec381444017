// The pod runner (worker `pods`): the embedded cluster's kubelet. Every Pod whose images are in the
// table of images.ts runs here (pod-run.ts); a Pod with any other image stays Pending with the
// reason ImageNotRunnableLocally and a Warning event, never a pretended success. Deleting a Pod ends
// its processes (SIGTERM, SIGKILL after its grace period) and removes its log and runtime folders.
// On start it ends whatever processes a previous run of the cluster left, and removes the folders
// of pods deleted while it was down.
import { readdir, rm } from 'node:fs/promises';
import {
  CoreV1Api,
  type V1Container,
  type V1ContainerStatus,
  type V1Pod,
} from '@kubernetes/client-node';
import {
  createWorkQueue,
  isApiError,
  keyOf,
  splitKey,
  startWatch,
  FAST_REQUEUE_MS,
  SLOW_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { recordEvent } from '../workers/events.ts';
import type { WorkerStarter } from '../workers/worker.ts';
import { killMarkedProcesses } from './container-process.ts';
import { localRunnerFor, RUNNABLE_IMAGE_LIST } from './images.ts';
import { podLogDirectory, podLogsRoot } from './log-files.ts';
import {
  COMPONENT,
  podRuntimeDirectory,
  podRuntimeRoot,
  startPodRun,
  type PodRun,
} from './pod-run.ts';
import { sameAsStored, settledStatus } from './pod-status.ts';
import { removeScratch } from './scratch.ts';

const SHUTDOWN_GRACE_MS = 5_000;
const DEFAULT_GRACE_SECONDS = 30;

export const IMAGE_NOT_RUNNABLE = 'ImageNotRunnableLocally';

const notRunnableMessage = (image: string) =>
  `the embedded cluster cannot run image ${image}: it has no container runtime and runs only ` +
  `these images with the tools of this machine: ${RUNNABLE_IMAGE_LIST}`;

const isTerminal = (pod: V1Pod) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

const waitingStatus = (container: V1Container): V1ContainerStatus => {
  const runnable = localRunnerFor(container.image);
  return {
    name: container.name,
    image: container.image ?? '',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: {
      waiting: runnable
        ? { reason: 'ContainerCreating' }
        : { reason: IMAGE_NOT_RUNNABLE, message: notRunnableMessage(container.image ?? '') },
    },
  };
};

/**
 * Pods the embedded cluster's other workers run themselves, as their component's labels say: the
 * KubeVirt launcher's virt-launcher pods and CDI's importer pods. Their status is theirs to write.
 */
export const isRunByAnotherWorker = (pod: V1Pod): boolean =>
  pod.metadata?.labels?.['kubevirt.io'] === 'virt-launcher' ||
  pod.metadata?.labels?.app === 'containerized-data-importer';

/** The first container whose image is not in the table, init containers included. */
const unrunnableContainer = (pod: V1Pod) =>
  [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find(
    (container) => !localRunnerFor(container.image),
  );

export const startPodRunner: WorkerStarter = async ({
  kubeConfig,
  dataDir,
  logger,
  nfsShareRoot,
}) => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const runs = new Map<string, PodRun>();
  await killMarkedProcesses(dataDir, () => true);

  const removeFolders = async (pod: V1Pod) => {
    const identity = {
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    };
    await rm(podLogDirectory(dataDir, identity), { recursive: true, force: true });
    await removeScratch(podRuntimeDirectory(dataDir, identity.uid));
    await rm(podRuntimeDirectory(dataDir, identity.uid), { recursive: true, force: true });
  };

  const endRun = async (uid: string, graceMs: number) => {
    const run = runs.get(uid);
    if (!run) return;
    runs.delete(uid);
    await run.stop(graceMs);
  };

  const refuse = async (pod: V1Pod, container: V1Container): Promise<ReconcileResult> => {
    const status = settledStatus(
      pod,
      {
        ...pod.status,
        phase: 'Pending',
        initContainerStatuses: pod.spec?.initContainers?.map(waitingStatus),
        containerStatuses: pod.spec?.containers.map(waitingStatus),
      },
      new Date(),
    );
    if (sameAsStored(status, pod.status)) return {};
    try {
      await core.replaceNamespacedPodStatus({
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        body: { ...pod, status },
      });
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    await recordEvent(
      core,
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: pod.metadata?.name ?? '',
          namespace: pod.metadata?.namespace ?? '',
          uid: pod.metadata?.uid,
        },
      },
      {
        type: 'Warning',
        reason: IMAGE_NOT_RUNNABLE,
        message: notRunnableMessage(container.image ?? ''),
        component: COMPONENT,
      },
    );
    return {};
  };

  const reconcile = async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    let pod: V1Pod | undefined;
    try {
      pod = await core.readNamespacedPod({ namespace, name });
    } catch (error) {
      if (!isApiError(error, 404)) throw error;
    }
    // A run of a pod of this name that no longer exists: its deletion went unseen.
    for (const run of [...runs.values()]) {
      if (run.key === key && run.uid !== pod?.metadata?.uid) await endRun(run.uid, 0);
    }
    if (!pod || isTerminal(pod) || isRunByAnotherWorker(pod)) return {};
    const uid = pod.metadata?.uid ?? '';
    if (runs.has(uid)) return {};
    const unrunnable = unrunnableContainer(pod);
    if (unrunnable) return refuse(pod, unrunnable);
    const run = startPodRun(
      {
        core,
        dataDir,
        places: nfsShareRoot ? { nfsShareRoot } : {},
        onError: (error) => logger.error({ pod: key, err: String(error) }, 'pod run failed'),
      },
      pod,
    );
    runs.set(uid, run);
    void run.finished.then(() => {
      if (runs.get(uid) !== run) return;
      runs.delete(uid);
      // A run ends when the pod is done, or on an error: the next one resumes from the status.
      queue.addAfter(key, SLOW_REQUEUE_MS);
    });
    return {};
  };

  const queue = createWorkQueue({
    reconcile,
    onError: (key, error) => logger.error({ pod: key, err: String(error) }, 'pod reconcile failed'),
  });

  const podDeleted = async (pod: V1Pod) => {
    const graceSeconds = pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    await endRun(pod.metadata?.uid ?? '', graceSeconds * 1000);
    await removeFolders(pod);
  };

  const watch = await startWatch<V1Pod>({
    kubeConfig,
    path: '/api/v1/pods',
    list: () => core.listPodForAllNamespaces(),
    logger,
  });
  const unsubscribe = watch.subscribe(({ type, object }) => {
    if (type === 'deleted') {
      podDeleted(object).catch((error) =>
        logger.error({ pod: keyOf(object), err: String(error) }, 'pod cleanup failed'),
      );
      return;
    }
    queue.add(keyOf(object));
  });

  // Folders of pods deleted while the cluster was down.
  const live = new Set(watch.list().map((pod) => pod.metadata?.uid));
  if (watch.isLive()) {
    for (const folder of await readdir(podLogsRoot(dataDir)).catch(() => [] as string[])) {
      const uid = folder.slice(folder.lastIndexOf('_') + 1);
      if (!live.has(uid))
        await rm(`${podLogsRoot(dataDir)}/${folder}`, { recursive: true, force: true });
    }
    for (const uid of await readdir(podRuntimeRoot(dataDir)).catch(() => [] as string[])) {
      if (live.has(uid)) continue;
      await removeScratch(podRuntimeDirectory(dataDir, uid));
      await rm(podRuntimeDirectory(dataDir, uid), { recursive: true, force: true });
    }
  }
  for (const pod of watch.list()) queue.add(keyOf(pod));

  return {
    async stop() {
      unsubscribe();
      await watch.stop();
      await queue.stop();
      await Promise.all([...runs.keys()].map((uid) => endRun(uid, SHUTDOWN_GRACE_MS)));
    },
  };
};
