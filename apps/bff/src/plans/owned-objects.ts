// Creating an owner together with the objects it owns, as Forklift's console creates a Plan: the
// owned objects first (the owner's spec names them), then the owner, then an ownerReference on each
// owned object so that Kubernetes collects them with it. Either everything stays or nothing does:
// on a failure at any step, whatever was made is deleted again and the first failure is thrown.
import {
  KubernetesObjectApi,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  type K8sModel,
  type ObjectMeta,
  type OwnerReference,
} from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';

export type KubeObject = { apiVersion?: string; kind?: string; metadata?: ObjectMeta };

/** The calls this helper (and Duplicate, which reads what it copies) need of one kind's objects. */
export type ObjectStore = {
  kind: string;
  get(key: ObjectKey): Promise<KubeObject>;
  create(namespace: string, body: KubeObject): Promise<KubeObject>;
  mergePatch(key: ObjectKey, patch: object): Promise<unknown>;
  delete(key: ObjectKey): Promise<void>;
};

/** A Forklift kind's objects (objectsOf) as an ObjectStore. */
export const customStore = (kubeConfig: KubeConfig, model: K8sModel): ObjectStore => ({
  kind: model.kind,
  ...objectsOf<KubeObject>(kubeConfig, model),
});

/** A core (v1) kind's objects as an ObjectStore: the core group is not reachable as custom objects. */
export const coreStore = (kubeConfig: KubeConfig, kind: 'Secret' | 'ConfigMap'): ObjectStore => {
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  const ref = ({ namespace, name }: ObjectKey) => ({
    apiVersion: 'v1',
    kind,
    metadata: { namespace, name },
  });
  // Timestamps come back as Dates, which nothing here reads.
  const stored = (object: KubernetesObject) => object as KubeObject;
  return {
    kind,
    get: async (key) => stored(await api.read(ref(key))),
    create: async (namespace, body) =>
      stored(
        await api.create({
          ...body,
          apiVersion: 'v1',
          kind,
          metadata: { ...body.metadata, namespace },
        } as KubernetesObject),
      ),
    mergePatch: async (key, patch) =>
      api.patch(
        {
          ...ref(key),
          ...patch,
          metadata: { ...(patch as KubeObject).metadata, ...ref(key).metadata },
        } as KubernetesObject,
        undefined,
        undefined,
        undefined,
        undefined,
        PatchStrategy.MergePatch,
      ),
    delete: async (key) => {
      await api.delete(ref(key));
    },
  };
};

export type OwnedObject = { store: ObjectStore; body: KubeObject };

/** Which object a failure is about, so that the answer can name it. */
export class OwnedObjectError extends Error {
  readonly kind: string;
  readonly objectName: string;
  readonly step: 'create' | 'own';
  constructor(kind: string, objectName: string, step: 'create' | 'own', cause: unknown) {
    super(`Could not ${step === 'create' ? 'create' : 'set the owner of'} ${kind} ${objectName}`, {
      cause,
    });
    this.kind = kind;
    this.objectName = objectName;
    this.step = step;
  }
}

export type CreateWithOwnedOptions<Owner extends KubeObject> = {
  namespace: string;
  owned: OwnedObject[];
  owner: { store: ObjectStore; build(created: KubeObject[]): Owner };
  /** Told of what could not be deleted again (by name only: bodies may hold secrets). */
  onUndoFailure(kind: string, name: string, error: unknown): void;
};

// A body not yet created may carry only generateName, which ObjectMeta leaves out.
const nameOf = (object: KubeObject): string => {
  const metadata = object.metadata as (ObjectMeta & { generateName?: string }) | undefined;
  return metadata?.name ?? metadata?.generateName ?? '';
};

export const ownerReferenceTo = (kind: string, owner: KubeObject): OwnerReference => {
  const { name, uid } = owner.metadata ?? {};
  if (!name || !uid) throw new Error(`The created ${kind} has no name or uid`);
  return { apiVersion: owner.apiVersion ?? FORKLIFT_API_VERSION, kind, name, uid };
};

/**
 * Creates `owned` (in parallel), then the owner built from what was created (generated names are
 * known only then), then sets the owner's reference on every owned object. Returns the owner and
 * the owned objects as stored.
 */
export const createWithOwned = async <Owner extends KubeObject>({
  namespace,
  owned,
  owner,
  onUndoFailure,
}: CreateWithOwnedOptions<Owner>): Promise<{ owner: Owner; owned: KubeObject[] }> => {
  const made: { store: ObjectStore; name: string }[] = [];
  const undo = async () => {
    for (const { store, name } of made.reverse()) {
      await store
        .delete({ namespace, name })
        .catch((error: unknown) => onUndoFailure(store.kind, name, error));
    }
  };

  const results = await Promise.allSettled(
    owned.map(async ({ store, body }) => {
      try {
        const created = await store.create(namespace, body);
        made.push({ store, name: nameOf(created) });
        return created;
      } catch (error) {
        throw new OwnedObjectError(store.kind, nameOf(body), 'create', error);
      }
    }),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await undo();
    throw failure.reason;
  }
  const created = results.map((result) => (result as PromiseFulfilledResult<KubeObject>).value);

  try {
    const ownerBody = owner.build(created);
    const stored = (await owner.store.create(namespace, ownerBody).catch((error: unknown) => {
      throw new OwnedObjectError(owner.store.kind, nameOf(ownerBody), 'create', error);
    })) as Owner;
    made.push({ store: owner.store, name: nameOf(stored) });
    const reference = ownerReferenceTo(owner.store.kind, stored);
    await Promise.all(
      owned.map(({ store }, index) => {
        const name = nameOf(created[index] ?? {});
        return store
          .mergePatch({ namespace, name }, { metadata: { ownerReferences: [reference] } })
          .catch((error: unknown) => {
            throw new OwnedObjectError(store.kind, name, 'own', error);
          });
      }),
    );
    return { owner: stored, owned: created };
  } catch (error) {
    await undo();
    throw error;
  }
};
