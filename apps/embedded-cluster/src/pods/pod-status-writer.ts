// How a pod's run writes its status: read, change, settle (phase and conditions from the
// containers' states) and replace through the status subresource, one write at a time, again on a
// conflict, and never once the run is aborted. A pod gone, or replaced by a new one of the same
// name, aborts the run.
import {
  ApiException,
  type CoreV1Api,
  type V1Container,
  type V1ContainerState,
  type V1ContainerStatus,
  type V1Pod,
  type V1PodStatus,
} from '@kubernetes/client-node';
import {
  containerStatusOf,
  settledStatus,
  withContainerStatus,
  type ContainerKind,
} from './pod-status.ts';

/** Thrown where an aborted run stops: the pod was deleted, or the cluster is stopping. */
export class RunAborted extends Error {}

export const throwIfAborted = (abort: AbortController) => {
  if (abort.signal.aborted) throw new RunAborted();
};

export type ContainerFields = Partial<V1ContainerStatus> & { state: V1ContainerState };

export const createPodStatusWriter = (core: CoreV1Api, initial: V1Pod, abort: AbortController) => {
  const namespace = initial.metadata?.namespace ?? '';
  const name = initial.metadata?.name ?? '';
  const uid = initial.metadata?.uid;
  let latest = initial;
  let writes: Promise<unknown> = Promise.resolve();

  const readOwnPod = async (): Promise<V1Pod> => {
    let pod: V1Pod;
    try {
      pod = await core.readNamespacedPod({ namespace, name });
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) abort.abort();
      throw error;
    }
    if (pod.metadata?.uid !== uid) {
      abort.abort();
      throw new RunAborted();
    }
    return pod;
  };

  const update = (change: (status: V1PodStatus) => V1PodStatus): Promise<void> => {
    const write = writes.then(async () => {
      for (;;) {
        throwIfAborted(abort);
        const pod = await readOwnPod();
        const status = settledStatus(pod, change(pod.status ?? {}), new Date());
        try {
          latest = await core.replaceNamespacedPodStatus({
            namespace,
            name,
            body: { ...pod, status },
          });
          return;
        } catch (error) {
          if (!(error instanceof ApiException && error.code === 409)) throw error;
        }
      }
    });
    writes = write.catch(() => undefined);
    return write;
  };

  /** One container's status replaced: its restartCount and lastState kept unless given. */
  const setContainer = (kind: ContainerKind, container: V1Container, fields: ContainerFields) =>
    update((status) => {
      const before = containerStatusOf(status, kind, container.name);
      return withContainerStatus(latest, status, kind, {
        name: container.name,
        image: container.image ?? '',
        imageID: '',
        restartCount: before?.restartCount ?? 0,
        ...(before?.lastState ? { lastState: before.lastState } : {}),
        ...fields,
        ready: Boolean(fields.state.running) && kind === 'app',
        started: Boolean(fields.state.running),
      });
    });

  return {
    /** The pod as last read or written. */
    latest: () => latest,
    update,
    setContainer,
  };
};
