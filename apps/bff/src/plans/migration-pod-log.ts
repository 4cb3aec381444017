// A pod's log for the Virtual machines tab, only for pods of a migration plan the caller may
// read: a pod labelled `plan=<uid>` (conversion, importer, hook pods), or the virt-launcher pod of
// a VirtualMachine so labelled (its `guest-console-log` container is the serial console). Every
// read is the caller's own, so RBAC on pods/log decides too.
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { PlanModel, VirtualMachineModel, type ObjectMeta, type Plan } from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';

/** The pod is not a migration's, or its plan is not the caller's to read: 403. */
export class PodLogRefusal extends Error {}

export type PodLogRequest = ObjectKey & { container?: string; tailLines?: number };

/** Whether `labels` name a plan (uid, name, namespace) that the caller can read, uid and all. */
const planOfLabelsReadable = async (
  kubeConfig: KubeConfig,
  labels: Record<string, string>,
): Promise<boolean> => {
  const uid = labels.plan;
  const name = labels['plan-name'];
  const namespace = labels['plan-namespace'];
  if (!uid || !name || !namespace) return false;
  try {
    const plan = await objectsOf<Plan>(kubeConfig, PlanModel).get({ namespace, name });
    return plan.metadata?.uid === uid;
  } catch (error) {
    const status = toKubeFailure(error)?.statusCode;
    if (status === 403 || status === 404) return false;
    throw error;
  }
};

/** The labels the pod answers to: its own, or for a virt-launcher pod its VirtualMachine's. */
const migrationLabels = async (
  kubeConfig: KubeConfig,
  namespace: string,
  metadata: { labels?: Record<string, string> } | undefined,
): Promise<Record<string, string>> => {
  const labels = metadata?.labels ?? {};
  if (labels.plan) return labels;
  const vmName =
    labels['kubevirt.io'] === 'virt-launcher' ? labels['vm.kubevirt.io/name'] : undefined;
  if (!vmName) return {};
  const vm = await objectsOf<{ metadata?: ObjectMeta }>(kubeConfig, VirtualMachineModel).get({
    namespace,
    name: vmName,
  });
  return vm.metadata?.labels ?? {};
};

export const readMigrationPodLog = async (
  kubeConfig: KubeConfig,
  { namespace, name, container, tailLines }: PodLogRequest,
): Promise<string> => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const pod = await core.readNamespacedPod({ namespace, name });
  const labels = await migrationLabels(kubeConfig, namespace, pod.metadata);
  if (!(await planOfLabelsReadable(kubeConfig, labels))) {
    throw new PodLogRefusal(`The pod ${name} does not belong to a migration plan you may read`);
  }
  return core.readNamespacedPodLog({
    namespace,
    name,
    ...(container ? { container } : {}),
    ...(tailLines ? { tailLines } : {}),
  });
};
