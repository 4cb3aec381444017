// One kind's namespaced objects through the Kubernetes client, with whichever credentials the
// KubeConfig carries: routes pass the caller's (kubeConfigForRequest), so RBAC judges every call.
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import type { K8sModel } from '@forklift-console/api';

export type ObjectKey = { namespace: string; name: string };

/** get, create, replace, merge-patch and delete of `model`'s objects, typed as T. */
export const objectsOf = <T extends object>(kubeConfig: KubeConfig, model: K8sModel) => {
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  const { group, version, plural } = model;
  return {
    get: async (key: ObjectKey): Promise<T> =>
      (await api.getNamespacedCustomObject({ group, version, plural, ...key })) as T,
    list: async (namespace: string, labelSelector?: string): Promise<T[]> =>
      (
        (await api.listNamespacedCustomObject({
          group,
          version,
          plural,
          namespace,
          ...(labelSelector ? { labelSelector } : {}),
        })) as { items: T[] }
      ).items,
    create: async (namespace: string, body: T): Promise<T> =>
      (await api.createNamespacedCustomObject({ group, version, plural, namespace, body })) as T,
    replace: async (key: ObjectKey, body: T): Promise<T> =>
      (await api.replaceNamespacedCustomObject({ group, version, plural, ...key, body })) as T,
    mergePatch: async (key: ObjectKey, patch: object): Promise<T> =>
      (await api.patchNamespacedCustomObject(
        { group, version, plural, ...key, body: patch },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      )) as T,
    delete: async (key: ObjectKey): Promise<void> => {
      await api.deleteNamespacedCustomObject({ group, version, plural, ...key });
    },
  };
};
