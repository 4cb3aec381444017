// Finding, creating, updating and removing a VMI's launcher pod through the API.
import { rm } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { V1Pod } from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';
import { podLogDirectory } from '../pods/log-files.ts';
import type { LauncherContext } from './context.ts';
import { launcherPodManifest, launcherPodStatus, type LauncherState } from './launcher-pod.ts';
import type { VirtualMachineInstance } from './types.ts';

export const findLauncherPods = async (
  context: LauncherContext,
  namespace: string,
  vmiUid: string,
): Promise<V1Pod[]> =>
  (
    await context.core.listNamespacedPod({
      namespace,
      labelSelector: `kubevirt.io=virt-launcher,kubevirt.io/created-by=${vmiUid}`,
    })
  ).items;

export const createLauncherPod = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<V1Pod> => {
  for (;;) {
    try {
      return await context.core.createNamespacedPod({
        namespace: vmi.metadata.namespace!,
        body: launcherPodManifest(vmi, context.nodeName),
      });
    } catch (error) {
      // The random suffix is taken: draw another.
      if (!isApiError(error, 409)) throw error;
    }
  }
};

/**
 * The status as plain JSON with dates to the second, so that an unchanged status compares equal
 * whatever the key order and date precision it came back with.
 */
const comparable = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_key, field: unknown) =>
      typeof field === 'string' && /^\d{4}-\d\d-\d\dT/.test(field)
        ? new Date(field).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : field,
    ),
  );

export const writeLauncherState = async (
  context: LauncherContext,
  pod: V1Pod,
  state: LauncherState,
): Promise<void> => {
  const status = launcherPodStatus(pod, state, new Date());
  if (isDeepStrictEqual(comparable(status), comparable(pod.status ?? {}))) return;
  await context.core.replaceNamespacedPodStatus({
    namespace: pod.metadata!.namespace!,
    name: pod.metadata!.name!,
    body: { ...pod, status },
  });
};

export const deleteLauncherPod = async (context: LauncherContext, pod: V1Pod): Promise<void> => {
  const { namespace = '', name = '', uid = '' } = pod.metadata ?? {};
  try {
    await context.core.deleteNamespacedPod({ namespace, name });
  } catch (error) {
    if (!isApiError(error, 404)) throw error;
  }
  await rm(podLogDirectory(context.dataDir, { namespace, name, uid }), {
    recursive: true,
    force: true,
  });
};
