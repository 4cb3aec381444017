// How the controllers read and write their resources: a fresh read per reconcile, and a status
// written only when it differs from what is stored, through the status subresource, with the
// resourceVersion the reconcile read so that a concurrent change wins and the key is simply
// reconciled again.
import { ApiException, type CustomObjectsApi } from '@kubernetes/client-node';
import { isDeepStrictEqual } from 'node:util';
import type { K8sModel } from '@forklift-console/api';

export const isApiError = (error: unknown, code: number): boolean =>
  error instanceof ApiException && error.code === code;

/** A work-queue key back into namespace and name. */
export const splitKey = (key: string): { namespace: string; name: string } => {
  const [namespace = '', name = ''] = key.split('/');
  return { namespace, name };
};

/** The object, or undefined when it does not exist. */
export const readObject = async <T>(
  custom: CustomObjectsApi,
  model: K8sModel,
  namespace: string,
  name: string,
): Promise<T | undefined> => {
  const { group, version, plural } = model;
  try {
    return (await custom.getNamespacedCustomObject({
      group,
      version,
      plural,
      namespace,
      name,
    })) as T;
  } catch (error) {
    if (isApiError(error, 404)) return undefined;
    throw error;
  }
};

/** Undefined fields dropped, so that a computed status compares equal to the stored one. */
const asStored = (status: object): Record<string, unknown> => JSON.parse(JSON.stringify(status));

/** Returns false when the stored status already says the same. */
export const writeStatus = async (
  custom: CustomObjectsApi,
  model: K8sModel,
  object: { metadata?: { name?: string; namespace?: string }; status?: unknown },
  status: object,
): Promise<boolean> => {
  const next = asStored(status);
  if (isDeepStrictEqual(object.status ?? {}, next)) return false;
  await custom.replaceNamespacedCustomObjectStatus({
    group: model.group,
    version: model.version,
    plural: model.plural,
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    body: { ...object, status: next },
  });
  return true;
};
