// Who may see which provider in the inventory API: the Kubernetes API decides, as the Provider is
// read with the caller's credentials, the way Forklift's SubjectAccessReview does. Allowed
// decisions are cached briefly, since a table's page asks for the same provider many times.
import { createHash } from 'node:crypto';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { ProviderModel, type Provider } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { callerKey, type Caller } from '../access/caller.ts';

/** Forklift caches an allowed access decision this long per token and provider. */
const ACCESS_CACHE_MS = 10_000;
const ACCESS_CACHE_LIMIT = 10_000;

const { group, version, plural } = ProviderModel;

type Access = { provider: Promise<Provider | undefined>; expires: number };

export const createProviderAccess = (connection: KubeConnection) => {
  const decisions = new Map<string, Access>();

  const lookUp = async (uid: string, caller: Caller | undefined): Promise<Provider | undefined> => {
    const userApi = kubeConfigForRequest(connection, caller).makeApiClient(CustomObjectsApi);
    // A uid says nothing about where the Provider is: the BFF finds it with its own rights, then
    // the caller must be allowed to get it by name, exactly as Forklift's access check asks.
    const all = (await connection.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({ group, version, plural })) as { items: Provider[] };
    const found = all.items.find((candidate) => candidate.metadata?.uid === uid);
    if (!found?.metadata?.namespace || !found.metadata.name) return undefined;
    const provider = (await userApi.getNamespacedCustomObject({
      group,
      version,
      plural,
      namespace: found.metadata.namespace,
      name: found.metadata.name,
    })) as Provider;
    return provider.metadata?.uid === uid ? provider : undefined;
  };

  const forgetExpired = (now: number) => {
    if (decisions.size < ACCESS_CACHE_LIMIT) return;
    for (const [key, access] of decisions) {
      if (access.expires <= now) decisions.delete(key);
    }
    if (decisions.size >= ACCESS_CACHE_LIMIT) decisions.clear();
  };

  /**
   * The provider with this uid, read with the caller's rights; undefined when none exists.
   * Concurrent requests for the same provider and caller share one lookup, and an allowed one is
   * remembered for a while; refusals and misses are asked again each time.
   */
  const resolve = (
    uid: string,
    caller: Caller | undefined,
    { fresh = false } = {},
  ): Promise<Provider | undefined> => {
    // Hashed so the cache does not keep bearer tokens around in the clear.
    const key = createHash('sha256')
      .update(`${callerKey(caller)}\n${uid}`)
      .digest('hex');
    const now = Date.now();
    const cached = decisions.get(key);
    if (!fresh && cached && cached.expires > now) return cached.provider;
    forgetExpired(now);
    const access = { provider: lookUp(uid, caller), expires: now + ACCESS_CACHE_MS };
    decisions.set(key, access);
    const forget = () => {
      if (decisions.get(key) === access) decisions.delete(key);
    };
    access.provider.then((provider) => provider ?? forget(), forget);
    return access.provider;
  };

  const list = async (
    caller: Caller | undefined,
    namespace: string | undefined,
  ): Promise<Provider[]> => {
    const api = kubeConfigForRequest(connection, caller).makeApiClient(CustomObjectsApi);
    const answer = (
      namespace
        ? await api.listNamespacedCustomObject({ group, version, plural, namespace })
        : await api.listClusterCustomObject({ group, version, plural })
    ) as { items: Provider[] };
    return answer.items;
  };

  return { resolve, list };
};

export type ProviderAccess = ReturnType<typeof createProviderAccess>;
