// A pod's status as the kubelet writes it, computed from its containers' states: the phase
// (Pending until every init container has succeeded and a container has started; Succeeded or Failed
// once no container will run again), the conditions PodScheduled, Initialized, ContainersReady and
// Ready, each keeping its lastTransitionTime while its status holds.
import { isDeepStrictEqual } from 'node:util';
import type {
  V1ContainerState,
  V1ContainerStatus,
  V1Pod,
  V1PodCondition,
  V1PodStatus,
} from '@kubernetes/client-node';

export type ContainerKind = 'init' | 'app';

/**
 * Whether a status computed here says what the stored one says: both as JSON, since the client
 * reads timestamps as Dates and a status written with the same values must not be written again
 * (each write is a watch event, and so another reconcile).
 */
export const sameAsStored = (computed: object, stored: object | undefined): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(computed)), JSON.parse(JSON.stringify(stored ?? {})));

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export const restartPolicyOf = (pod: V1Pod): RestartPolicy =>
  (pod.spec?.restartPolicy as RestartPolicy | undefined) ?? 'Always';

/** Whether a container that ended with `exitCode` runs again, as the kubelet decides. */
export const restartsAfter = (policy: RestartPolicy, kind: ContainerKind, exitCode: number) => {
  if (policy === 'Never') return false;
  if (kind === 'init' || policy === 'OnFailure') return exitCode !== 0;
  return true;
};

const statusesOf = (status: V1PodStatus, kind: ContainerKind) =>
  (kind === 'init' ? status.initContainerStatuses : status.containerStatuses) ?? [];

/** The status with one container's status replaced (or added), in the spec's order. */
export const withContainerStatus = (
  pod: V1Pod,
  status: V1PodStatus,
  kind: ContainerKind,
  next: V1ContainerStatus,
): V1PodStatus => {
  const specs = (kind === 'init' ? pod.spec?.initContainers : pod.spec?.containers) ?? [];
  const known = new Map(statusesOf(status, kind).map((s) => [s.name, s]));
  known.set(next.name, next);
  const ordered = specs.flatMap(({ name }) => (known.has(name) ? [known.get(name)!] : []));
  return kind === 'init'
    ? { ...status, initContainerStatuses: ordered }
    : { ...status, containerStatuses: ordered };
};

export const containerStatusOf = (
  status: V1PodStatus | undefined,
  kind: ContainerKind,
  name: string,
): V1ContainerStatus | undefined => statusesOf(status ?? {}, kind).find((s) => s.name === name);

const succeeded = (state: V1ContainerState | undefined) => state?.terminated?.exitCode === 0;

const willRunAgain = (policy: RestartPolicy, kind: ContainerKind, s: V1ContainerStatus) =>
  !s.state?.terminated || restartsAfter(policy, kind, s.state.terminated.exitCode);

/** The pod-level failure the kubelet writes when spec.activeDeadlineSeconds passes. */
export const DEADLINE_EXCEEDED = 'DeadlineExceeded';

export const podPhase = (pod: V1Pod, status: V1PodStatus): string => {
  if (status.reason === DEADLINE_EXCEEDED) return 'Failed';
  const policy = restartPolicyOf(pod);
  const inits = pod.spec?.initContainers ?? [];
  const initStatuses = inits.map((c) => containerStatusOf(status, 'init', c.name));
  if (initStatuses.some((s) => s && !willRunAgain(policy, 'init', s) && !succeeded(s.state))) {
    return 'Failed';
  }
  if (!initStatuses.every((s) => succeeded(s?.state))) return 'Pending';
  const apps = (pod.spec?.containers ?? []).map((c) => containerStatusOf(status, 'app', c.name));
  if (apps.every((s) => s?.state?.terminated && !willRunAgain(policy, 'app', s))) {
    return apps.every((s) => succeeded(s?.state)) ? 'Succeeded' : 'Failed';
  }
  const started = apps.some(
    (s) => s?.state?.running || s?.state?.terminated || s?.lastState?.terminated,
  );
  return started ? 'Running' : 'Pending';
};

const condition = (
  previous: V1PodCondition[] | undefined,
  type: string,
  isTrue: boolean,
  now: Date,
  reason?: string,
): V1PodCondition => {
  const status = isTrue ? 'True' : 'False';
  const before = previous?.find((c) => c.type === type);
  return {
    type,
    status,
    lastTransitionTime: before?.status === status ? before.lastTransitionTime : now,
    ...(reason && !isTrue ? { reason } : {}),
  };
};

/** The phase and conditions that follow from the containers' states. */
export const settledStatus = (pod: V1Pod, status: V1PodStatus, now: Date): V1PodStatus => {
  const phase = podPhase(pod, status);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const initialized = (pod.spec?.initContainers ?? []).every((c) =>
    succeeded(containerStatusOf(status, 'init', c.name)?.state),
  );
  const ready =
    !terminal &&
    (pod.spec?.containers ?? []).every((c) => containerStatusOf(status, 'app', c.name)?.ready);
  const notReadyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  return {
    ...status,
    phase,
    conditions: [
      // Not scheduled (its claims are not bound) is the scheduler's word, kept as written.
      status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False') ??
        condition(status.conditions, 'PodScheduled', true, now),
      condition(status.conditions, 'Initialized', initialized, now, 'ContainersNotInitialized'),
      condition(status.conditions, 'ContainersReady', ready, now, notReadyReason),
      condition(status.conditions, 'Ready', ready, now, notReadyReason),
    ],
  };
};

export const runningState = (startedAt: Date): V1ContainerState => ({ running: { startedAt } });

export const terminatedState = (
  exitCode: number,
  startedAt: Date | undefined,
  finishedAt: Date,
  message?: string,
): V1ContainerState => ({
  terminated: {
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
    ...(message ? { message } : {}),
    ...(startedAt ? { startedAt } : {}),
    finishedAt,
  },
});
