// The execution's access to the target cluster: objects of any kind found by label selector,
// created, patched and deleted through client-node's generic object API, so that core kinds and
// CDI/KubeVirt kinds read alike. A delete of what is already gone is not an error.
import {
  CoreV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';

export type Kind = { apiVersion: string; kind: string };

export const DATA_VOLUME: Kind = { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume' };
export const CLAIM: Kind = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
export const VOLUME: Kind = { apiVersion: 'v1', kind: 'PersistentVolume' };
export const POD: Kind = { apiVersion: 'v1', kind: 'Pod' };
export const SECRET: Kind = { apiVersion: 'v1', kind: 'Secret' };
export const CONFIG_MAP: Kind = { apiVersion: 'v1', kind: 'ConfigMap' };
export const JOB: Kind = { apiVersion: 'batch/v1', kind: 'Job' };
export const VIRTUAL_MACHINE: Kind = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' };
export const NAMESPACE: Kind = { apiVersion: 'v1', kind: 'Namespace' };

export type Selector = Record<string, string>;

export const selectorText = (labels: Selector): string =>
  Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');

export type Cluster = ReturnType<typeof makeCluster>;

const makeCluster = (kubeConfig: KubeConfig) => {
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  return {
    /** The objects of `kind` carrying every label of `labels`; every namespace when none is given. */
    async list<T extends KubernetesObject>(
      kind: Kind,
      namespace: string | undefined,
      labels: Selector,
    ): Promise<T[]> {
      const list = await api.list<T>(
        kind.apiVersion,
        kind.kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        selectorText(labels),
      );
      return list.items;
    },
    async read<T extends KubernetesObject>(
      kind: Kind,
      namespace: string | undefined,
      name: string,
    ): Promise<T | undefined> {
      try {
        return await api.read<T>({ ...kind, metadata: { name, namespace: namespace ?? '' } });
      } catch (error) {
        if (isApiError(error, 404)) return undefined;
        throw error;
      }
    },
    create: <T extends KubernetesObject>(object: T): Promise<T> => api.create(object),
    /** The last lines of a container's log; empty when the API has none to give. */
    async podLogTail(pod: KubernetesObject, container: string, lines: number): Promise<string> {
      const { name = '', namespace = '' } = pod.metadata ?? {};
      try {
        return await core.readNamespacedPodLog({ name, namespace, container, tailLines: lines });
      } catch (error) {
        if (isApiError(error, 404) || isApiError(error, 400)) return '';
        throw error;
      }
    },
    mergePatch: <T extends KubernetesObject>(object: T): Promise<T> =>
      api.patch(object, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch),
    /** Deletes in the background, so that owned objects go with it; gone already is fine. */
    async delete(object: KubernetesObject): Promise<void> {
      try {
        await api.delete(object, undefined, undefined, undefined, undefined, 'Background');
      } catch (error) {
        if (!isApiError(error, 404)) throw error;
      }
    },
  };
};

// The generic object API looks each apiVersion's resources up once per client: a client kept per
// KubeConfig asks once, not on every pass of every plan.
const clusters = new WeakMap<KubeConfig, Cluster>();

export const clusterOf = (kubeConfig: KubeConfig): Cluster => {
  let cluster = clusters.get(kubeConfig);
  if (!cluster) clusters.set(kubeConfig, (cluster = makeCluster(kubeConfig)));
  return cluster;
};

/** The apiVersion/kind a listed item may lack (lists carry them on the list, not the items). */
export const withKind = <T extends KubernetesObject>(kind: Kind, object: T): T => ({
  ...object,
  apiVersion: kind.apiVersion,
  kind: kind.kind,
});
