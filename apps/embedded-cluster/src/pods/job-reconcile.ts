// The Job controller's reconcile (batch/v1), as kube-controller-manager's job controller decides:
// a finished Job (condition Complete or Failed) only has its remaining pods ended; otherwise its
// pods are counted (label controller-uid), and it fails once more pods failed than backoffLimit
// allows (BackoffLimitExceeded) or it has been active longer than activeDeadlineSeconds
// (DeadlineExceeded), completes once `completions` pods succeeded, and else gets the pods it lacks,
// after the back-off that follows a failure (10 s, doubling, at most 6 min). Its status carries
// active, succeeded, failed, startTime, completionTime and those conditions: what Forklift's hook
// step reads.
import type {
  BatchV1Api,
  CoreV1Api,
  V1Job,
  V1JobCondition,
  V1JobStatus,
  V1Pod,
} from '@kubernetes/client-node';
import {
  isApiError,
  splitKey,
  FAST_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { sameAsStored } from './pod-status.ts';

const DEFAULT_BACKOFF_LIMIT = 6;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;

export const JOB_UID_LABEL = 'controller-uid';
export const JOB_NAME_LABEL = 'job-name';

type Clients = { batch: BatchV1Api; core: CoreV1Api };

const isFinished = (job: V1Job) =>
  (job.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );

const phaseOf = (pod: V1Pod) => pod.status?.phase ?? 'Pending';
const isActive = (pod: V1Pod) =>
  !pod.metadata?.deletionTimestamp && phaseOf(pod) !== 'Succeeded' && phaseOf(pod) !== 'Failed';

const finishedAt = (pod: V1Pod): number =>
  Math.max(
    0,
    ...(pod.status?.containerStatuses ?? []).map((s) =>
      s.state?.terminated?.finishedAt ? new Date(s.state.terminated.finishedAt).getTime() : 0,
    ),
  );

const podsOf = async ({ core }: Clients, job: V1Job): Promise<V1Pod[]> =>
  (
    await core.listNamespacedPod({
      namespace: job.metadata?.namespace ?? '',
      labelSelector: `${JOB_UID_LABEL}=${job.metadata?.uid}`,
    })
  ).items;

/** A pod from the Job's template, named, labelled and owned as the job controller makes it. */
export const podForJob = (job: V1Job): V1Pod => {
  const name = job.metadata?.name ?? '';
  const uid = job.metadata?.uid ?? '';
  const template = job.spec?.template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${name}-`,
      namespace: job.metadata?.namespace,
      labels: {
        ...template?.metadata?.labels,
        [JOB_UID_LABEL]: uid,
        [JOB_NAME_LABEL]: name,
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': name,
      },
      ...(template?.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name,
          uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: template?.spec ?? { containers: [] },
  };
};

const deleteActivePods = async ({ core }: Clients, pods: V1Pod[]) => {
  for (const pod of pods.filter(isActive)) {
    try {
      await core.deleteNamespacedPod({
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
      });
    } catch (error) {
      if (!isApiError(error, 404)) throw error;
    }
  }
};

const finishedCondition = (
  type: 'Complete' | 'Failed',
  now: Date,
  reason?: string,
  message?: string,
): V1JobCondition => ({
  type,
  status: 'True',
  lastProbeTime: now,
  lastTransitionTime: now,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

const writeJobStatus = async ({ batch }: Clients, job: V1Job, status: V1JobStatus) => {
  const next = JSON.parse(JSON.stringify(status)) as V1JobStatus;
  if (sameAsStored(next, job.status)) return;
  await batch.replaceNamespacedJobStatus({
    namespace: job.metadata?.namespace ?? '',
    name: job.metadata?.name ?? '',
    body: { ...job, status: next },
  });
};

/** A finished Job: nothing more runs. */
const reconcileFinished = async (clients: Clients, job: V1Job): Promise<ReconcileResult> => {
  const pods = await podsOf(clients, job);
  await deleteActivePods(clients, pods);
  await writeJobStatus(clients, job, { ...job.status, active: 0 });
  return {};
};

const fail = async (
  clients: Clients,
  job: V1Job,
  pods: V1Pod[],
  status: V1JobStatus,
  reason: string,
  message: string,
): Promise<ReconcileResult> => {
  await deleteActivePods(clients, pods);
  const now = new Date();
  await writeJobStatus(clients, job, {
    ...status,
    active: 0,
    conditions: [...(status.conditions ?? []), finishedCondition('Failed', now, reason, message)],
  });
  return {};
};

/** A Job still running: count, judge, and create the pods it lacks. */
const reconcileActive = async (clients: Clients, job: V1Job): Promise<ReconcileResult> => {
  const now = Date.now();
  const pods = await podsOf(clients, job);
  const active = pods.filter(isActive);
  const failedPods = pods.filter((pod) => phaseOf(pod) === 'Failed');
  // Counts only grow: a finished pod deleted by someone still counted.
  const succeeded = Math.max(
    job.status?.succeeded ?? 0,
    pods.filter((pod) => phaseOf(pod) === 'Succeeded').length,
  );
  const failed = Math.max(job.status?.failed ?? 0, failedPods.length);
  // With restartPolicy OnFailure the kubelet restarts a failed container in its pod: each restart
  // counts towards backoffLimit, as in Kubernetes.
  const restarts =
    job.spec?.template.spec?.restartPolicy === 'OnFailure'
      ? active
          .flatMap((pod) => pod.status?.containerStatuses ?? [])
          .reduce((sum, s) => sum + (s.restartCount ?? 0), 0)
      : 0;
  const startTime = job.status?.startTime ?? new Date(now);
  const status: V1JobStatus = {
    ...job.status,
    startTime,
    active: active.length,
    succeeded,
    failed,
    ready: active.filter((pod) =>
      pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
    ).length,
  };
  if (failed + restarts > (job.spec?.backoffLimit ?? DEFAULT_BACKOFF_LIMIT)) {
    return fail(
      clients,
      job,
      pods,
      status,
      'BackoffLimitExceeded',
      'Job has reached the specified backoff limit',
    );
  }
  const deadlineSeconds = job.spec?.activeDeadlineSeconds;
  const deadlineAt = deadlineSeconds
    ? new Date(startTime).getTime() + deadlineSeconds * 1000
    : undefined;
  if (deadlineAt !== undefined && now >= deadlineAt) {
    return fail(
      clients,
      job,
      pods,
      status,
      'DeadlineExceeded',
      'Job was active longer than specified deadline',
    );
  }
  const completions = job.spec?.completions ?? 1;
  if (succeeded >= completions) {
    await deleteActivePods(clients, pods);
    const at = new Date(now);
    await writeJobStatus(clients, job, {
      ...status,
      active: 0,
      completionTime: at,
      conditions: [...(status.conditions ?? []), finishedCondition('Complete', at)],
    });
    return {};
  }
  const lacking = Math.min(job.spec?.parallelism ?? 1, completions - succeeded) - active.length;
  let wakeAt = deadlineAt;
  if (lacking > 0) {
    const lastFailure = Math.max(0, ...failedPods.map(finishedAt));
    const backoffUntil =
      failed > 0 ? lastFailure + Math.min(BACKOFF_START_MS * 2 ** (failed - 1), BACKOFF_MAX_MS) : 0;
    if (now < backoffUntil) {
      wakeAt = Math.min(wakeAt ?? backoffUntil, backoffUntil);
    } else {
      for (let i = 0; i < lacking; i += 1) {
        await clients.core.createNamespacedPod({
          namespace: job.metadata?.namespace ?? '',
          body: podForJob(job),
        });
      }
      status.active = active.length + lacking;
    }
  }
  await writeJobStatus(clients, job, status);
  return wakeAt !== undefined ? { requeueAfterMs: Math.max(wakeAt - now, FAST_REQUEUE_MS) } : {};
};

export const createJobReconciler =
  (clients: Clients) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    let job: V1Job;
    try {
      job = await clients.batch.readNamespacedJob({ namespace, name });
    } catch (error) {
      if (isApiError(error, 404)) return {};
      throw error;
    }
    if (job.metadata?.deletionTimestamp || job.spec?.suspend) return {};
    try {
      return isFinished(job)
        ? await reconcileFinished(clients, job)
        : await reconcileActive(clients, job);
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
  };
