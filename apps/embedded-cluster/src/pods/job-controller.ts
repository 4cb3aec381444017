// The Job controller (worker `jobs`): reconciles every batch/v1 Job when it or one of its pods
// changes. The embedded API does no ownerReference garbage collection, so this worker also deletes
// the pods of a deleted Job, as the garbage collector would (and, on start, those of Jobs deleted
// while it was down).
import { BatchV1Api, CoreV1Api, type V1Job, type V1Pod } from '@kubernetes/client-node';
import {
  createWorkQueue,
  isApiError,
  keyOf,
  startWatch,
} from '@forklift-console/controller-runtime';
import type { WorkerStarter } from '../workers/worker.ts';
import { createJobReconciler, JOB_UID_LABEL } from './job-reconcile.ts';

const ownerJobKey = (pod: V1Pod): string | undefined => {
  const owner = pod.metadata?.ownerReferences?.find((ref) => ref.kind === 'Job' && ref.controller);
  return owner ? `${pod.metadata?.namespace}/${owner.name}` : undefined;
};

export const startJobController: WorkerStarter = async ({ kubeConfig, logger }) => {
  const batch = kubeConfig.makeApiClient(BatchV1Api);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const queue = createWorkQueue({
    reconcile: createJobReconciler({ batch, core }),
    onError: (key, error) => logger.error({ job: key, err: String(error) }, 'job reconcile failed'),
  });

  const deletePods = async (pods: V1Pod[]) => {
    for (const pod of pods) {
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

  const jobs = await startWatch<V1Job>({
    kubeConfig,
    path: '/apis/batch/v1/jobs',
    list: () => batch.listJobForAllNamespaces(),
    logger,
  });
  const pods = await startWatch<V1Pod>({
    kubeConfig,
    path: '/api/v1/pods',
    list: () => core.listPodForAllNamespaces(),
    logger,
  });
  const collectOrphans = () => {
    const liveJobs = new Set(jobs.list().map((job) => job.metadata?.uid));
    const orphans = pods.list().filter((pod) => {
      const uid = pod.metadata?.labels?.[JOB_UID_LABEL];
      return ownerJobKey(pod) && uid && !liveJobs.has(uid);
    });
    deletePods(orphans).catch((error) =>
      logger.error({ err: String(error) }, 'job pod cleanup failed'),
    );
  };
  const unsubscribers = [
    jobs.subscribe(({ type, object }) => {
      if (type === 'deleted') collectOrphans();
      else queue.add(keyOf(object));
    }),
    pods.subscribe(({ object }) => {
      const key = ownerJobKey(object);
      if (key) queue.add(key);
    }),
  ];
  if (jobs.isLive() && pods.isLive()) collectOrphans();
  for (const job of jobs.list()) queue.add(keyOf(job));

  return {
    async stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await Promise.all([jobs.stop(), pods.stop()]);
      await queue.stop();
    },
  };
};
