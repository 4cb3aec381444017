// The Secret a Provider or Host points at, read fresh for every reconcile and decoded. Its values
// are credentials: they go to the connection test and the inventory, never to a log line or a
// condition message.
import type { CoreV1Api, V1Secret } from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';

export type SecretRef = { name?: string; namespace?: string };

export type ResolvedSecret =
  | { state: 'unset' }
  | { state: 'missing'; namespace: string; name: string }
  | {
      state: 'found';
      namespace: string;
      name: string;
      resourceVersion: string;
      data: Record<string, string>;
    };

/** A reference without a namespace means the referring object's namespace. */
export const secretLocation = (ref: SecretRef | undefined, defaultNamespace: string) =>
  ref?.name ? { name: ref.name, namespace: ref.namespace || defaultNamespace } : undefined;

export const refersToSecret = (
  ref: SecretRef | undefined,
  defaultNamespace: string,
  secret: { metadata?: { name?: string; namespace?: string } },
): boolean => {
  const location = secretLocation(ref, defaultNamespace);
  return (
    location !== undefined &&
    location.name === secret.metadata?.name &&
    location.namespace === secret.metadata?.namespace
  );
};

/**
 * `data` decoded; `stringData` too, because an API server that has not folded it into `data` yet
 * (the embedded one stores it as written) still means those values.
 */
export const decodeSecretData = (secret: V1Secret): Record<string, string> => ({
  ...Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value, 'base64').toString('utf8'),
    ]),
  ),
  ...secret.stringData,
});

export const readSecret = async (
  core: CoreV1Api,
  ref: SecretRef | undefined,
  defaultNamespace: string,
): Promise<ResolvedSecret> => {
  const location = secretLocation(ref, defaultNamespace);
  if (!location) return { state: 'unset' };
  try {
    const secret = await core.readNamespacedSecret(location);
    return {
      state: 'found',
      ...location,
      resourceVersion: secret.metadata?.resourceVersion ?? '',
      data: decodeSecretData(secret),
    };
  } catch (error) {
    if (isApiError(error, 404)) return { state: 'missing', ...location };
    throw error;
  }
};
