// Which changes a subscriber of the change feed may hear of: only those about resources it may
// list (the RBAC answer the list routes get from the API server) and inventories of providers it
// may read. Answers are SelfSubjectAccessReviews with the subscriber's own credentials, kept a few
// seconds per subscriber and namespace, since one change fans out to every open page.
import { CustomObjectsApi } from '@kubernetes/client-node';
import { ProviderModel, type K8sModel, type Provider } from '@forklift-console/api';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { createAccessReviews } from '../kube/access-review.ts';
import type { Caller } from '../access/caller.ts';
import { WATCHED_MODELS, type ChangeEvent } from './change-feed.ts';

const CACHE_LIMIT = 10_000;

type ProviderRef = { namespace: string; name: string };

export type Visibility = {
  mayHearChange(caller: Caller, change: ChangeEvent): Promise<boolean>;
  mayHearInventory(caller: Caller, providerUid: string): Promise<boolean>;
};

const MODELS_BY_RESOURCE = new Map<string, K8sModel>(
  WATCHED_MODELS.map((model) => [model.plural, model]),
);

export const createVisibility = (
  connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>,
): Visibility => {
  const providerRefs = new Map<string, Promise<ProviderRef | undefined>>();

  const { may } = createAccessReviews(connection);

  // A uid says nothing about where the Provider is: the BFF finds it with its own rights (as the
  // inventory routes do), then asks whether the subscriber may read it. Uids never move.
  const providerRef = (uid: string): Promise<ProviderRef | undefined> => {
    let ref = providerRefs.get(uid);
    if (!ref) {
      if (providerRefs.size >= CACHE_LIMIT) providerRefs.clear();
      ref = findProvider(uid);
      providerRefs.set(uid, ref);
      ref.then(
        (found) => found ?? providerRefs.delete(uid),
        () => providerRefs.delete(uid),
      );
    }
    return ref;
  };

  const findProvider = async (uid: string): Promise<ProviderRef | undefined> => {
    const { group, version, plural } = ProviderModel;
    const all = (await connection.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({ group, version, plural })) as { items: Provider[] };
    const metadata = all.items.find((provider) => provider.metadata?.uid === uid)?.metadata;
    return metadata?.namespace && metadata.name
      ? { namespace: metadata.namespace, name: metadata.name }
      : undefined;
  };

  return {
    mayHearChange: async (caller, change) => {
      const model = MODELS_BY_RESOURCE.get(change.resource);
      if (!model) return false;
      return may(caller, {
        verb: 'list',
        group: model.group,
        resource: model.plural,
        ...(change.namespace ? { namespace: change.namespace } : {}),
      });
    },
    mayHearInventory: async (caller, providerUid) => {
      const ref = await providerRef(providerUid).catch(() => undefined);
      if (!ref) return false;
      return may(caller, {
        verb: 'get',
        group: ProviderModel.group,
        resource: ProviderModel.plural,
        namespace: ref.namespace,
        name: ref.name,
      });
    },
  };
};
