// The API server's write semantics: defaulting, pruning and validation, uid / generation /
// resourceVersion bookkeeping, optimistic concurrency, the status subresource, finalizers and
// ownerReference garbage collection, and the termination of namespaces. The HTTP layer only decodes
// requests and calls these.
import { randomUUID } from 'node:crypto';
import { apiVersionOfKind, kindKey, type Kind, type KindRegistry } from './kinds.ts';
import { validateObjectMeta } from './metadata.ts';
import { applyDefaults, prune, validate, type FieldCause } from './schema.ts';
import type { KubeObject, Store } from './store.ts';
import {
  alreadyExists,
  badRequest,
  conflict,
  forbiddenTerminating,
  invalid,
  namespaceNotFound,
  notFound,
} from './status.ts';

export type WriteOptions = { strictFields?: boolean };

/** What a PUT or PATCH writes: the object, its status, or (namespaces) its spec.finalizers. */
export type Subresource = 'status' | 'finalize';

/** The namespace controller's own finalizer, removed once the namespace is empty. */
const NAMESPACE_FINALIZER = 'kubernetes';

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const specFinalizersOf = (namespace: KubeObject): string[] =>
  ((namespace.spec as { finalizers?: unknown } | undefined)?.finalizers as string[] | undefined) ??
  [];

/** Everything but metadata and status: a change here is a new generation. */
const specOf = (object: KubeObject) => {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return JSON.stringify(rest);
};

/**
 * Like kube-apiserver: a Secret's write-only `stringData` is folded into `data` (base64) on every
 * write, its keys winning, and is never stored.
 */
const foldStringData = (object: KubeObject) => {
  const secret = object as KubeObject & {
    data?: Record<string, string>;
    stringData?: Record<string, unknown>;
  };
  if (!secret.stringData || typeof secret.stringData !== 'object') return;
  const data = { ...secret.data };
  for (const [key, value] of Object.entries(secret.stringData)) {
    data[key] = Buffer.from(String(value)).toString('base64');
  }
  secret.data = data;
  delete secret.stringData;
};

export class ResourceService {
  private readonly store: Store;
  private readonly kinds: KindRegistry;
  /** Namespaces whose contents are being deleted right now, so removals do not re-enter. */
  private readonly emptying = new Set<string>();

  constructor(store: Store, kinds: KindRegistry) {
    this.store = store;
    this.kinds = kinds;
  }

  get(kind: Kind, namespace: string | undefined, name: string): KubeObject {
    const object = this.store.get(kindKey(kind), namespace, name);
    if (!object) throw notFound(kind, name);
    return object;
  }

  create(
    kind: Kind,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions = {},
  ): KubeObject {
    const object = this.decode(kind, namespace, body);
    if (!object.metadata.name && typeof object.metadata.generateName === 'string') {
      object.metadata.name = `${object.metadata.generateName}${randomUUID().slice(0, 5)}`;
    }
    const name = object.metadata.name;
    if (!name) {
      throw invalid(kind, '', [
        {
          reason: 'FieldValueRequired',
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
        },
      ]);
    }
    if (kind.namespaced) this.requireLiveNamespace(kind, namespace!, name);
    if (this.store.get(kindKey(kind), namespace, name)) throw alreadyExists(kind, name);
    if (kind.statusSubresource && kind.schema) delete object.status;
    this.admit(kind, object, options);
    object.metadata = {
      ...object.metadata,
      uid: randomUUID(),
      creationTimestamp: now(),
      generation: 1,
    };
    delete object.metadata.deletionTimestamp;
    if (kind.kind === 'Namespace') {
      object.spec = { finalizers: ['kubernetes'], ...(isObject(object.spec) ? object.spec : {}) };
      object.status = { phase: 'Active' };
    }
    return this.store.put(kindKey(kind), object, 'ADDED');
  }

  /** PUT of the main resource (`subresource` undefined), of its status or of its finalizers. */
  update(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    body: unknown,
    subresource?: Subresource,
    options: WriteOptions = {},
  ): KubeObject {
    const current = this.get(kind, namespace, name);
    const incoming = this.decode(kind, namespace, body);
    if (incoming.metadata.name && incoming.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const expected = incoming.metadata.resourceVersion;
    if (expected && expected !== current.metadata.resourceVersion) throw conflict(kind, name);
    return this.replace(kind, current, incoming, subresource, options);
  }

  /** Applies a computed patch result as an update; a resourceVersion in it must match. */
  patch(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    patched: (current: KubeObject) => unknown,
    subresource?: Subresource,
    options: WriteOptions = {},
  ): KubeObject {
    const current = this.get(kind, namespace, name);
    const incoming = this.decode(kind, namespace, patched(structuredClone(current)));
    if (incoming.metadata.name !== name)
      throw badRequest('metadata.name cannot be changed by a patch');
    const expected = incoming.metadata.resourceVersion;
    if (expected && expected !== current.metadata.resourceVersion) throw conflict(kind, name);
    return this.replace(kind, current, incoming, subresource, options);
  }

  delete(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    propagationPolicy: string = 'Background',
    preconditionResourceVersion?: string,
  ): KubeObject {
    const current = this.get(kind, namespace, name);
    if (
      preconditionResourceVersion &&
      preconditionResourceVersion !== current.metadata.resourceVersion
    ) {
      throw conflict(kind, name);
    }
    const finalizers = current.metadata.finalizers ?? [];
    if (propagationPolicy === 'Orphan') this.orphanDependents(current);
    if (kind.kind === 'Namespace') return this.terminateNamespace(kind, current);
    if (finalizers.length > 0) {
      if (current.metadata.deletionTimestamp) return current;
      return this.store.put(
        kindKey(kind),
        {
          ...current,
          metadata: {
            ...current.metadata,
            deletionTimestamp: now(),
            deletionGracePeriodSeconds: 0,
          },
        },
        'MODIFIED',
      );
    }
    return this.removeAndCollect(kind, current);
  }

  /**
   * Picks up the namespaces a previous run left Terminating: their emptying goes on where it
   * stopped, since all it needs is in the stored objects.
   */
  resumeNamespaceTermination() {
    for (const namespace of this.store.list(kindKey(this.namespaceKind()))) {
      if (namespace.metadata.deletionTimestamp) this.reconcileNamespace(namespace.metadata.name);
    }
  }

  private replace(
    kind: Kind,
    current: KubeObject,
    incoming: KubeObject,
    subresource: Subresource | undefined,
    options: WriteOptions,
  ): KubeObject {
    let next: KubeObject;
    if (subresource === 'status') {
      next = { ...structuredClone(current), status: incoming.status };
      if (incoming.status === undefined) delete next.status;
    } else if (subresource === 'finalize') {
      const finalizers = (incoming.spec as { finalizers?: unknown } | undefined)?.finalizers;
      next = structuredClone(current);
      next.spec = { ...(isObject(current.spec) ? current.spec : {}), finalizers: finalizers ?? [] };
    } else {
      next = incoming;
      if (kind.statusSubresource) {
        if (current.status === undefined) delete next.status;
        else next.status = structuredClone(current.status);
      }
      // As in Kubernetes, a namespace's spec.finalizers change only through /finalize.
      if (kind.kind === 'Namespace') {
        next.spec = {
          ...(isObject(next.spec) ? next.spec : {}),
          finalizers: specFinalizersOf(current),
        };
      }
    }
    this.admit(kind, next, options);
    const immutable = current.metadata;
    next.metadata = {
      ...next.metadata,
      name: immutable.name,
      uid: immutable.uid,
      creationTimestamp: immutable.creationTimestamp,
      generation: (immutable.generation ?? 1) + (specOf(next) === specOf(current) ? 0 : 1),
    };
    // Only a delete sets deletionTimestamp; a write can neither set nor clear it.
    if (immutable.deletionTimestamp) next.metadata.deletionTimestamp = immutable.deletionTimestamp;
    else delete next.metadata.deletionTimestamp;
    if (immutable.namespace) next.metadata.namespace = immutable.namespace;
    if (kind.kind === 'Namespace') {
      const stored = this.store.put(kindKey(kind), next, 'MODIFIED');
      this.reconcileNamespace(stored.metadata.name);
      return stored;
    }
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
      return this.removeAndCollect(kind, next);
    }
    return this.store.put(kindKey(kind), next, 'MODIFIED');
  }

  /** Checks kind, apiVersion and namespace of a request body and returns a private copy. */
  private decode(kind: Kind, namespace: string | undefined, body: unknown): KubeObject {
    if (!isObject(body)) throw badRequest('the request body must be a JSON object');
    const object = structuredClone(body) as KubeObject;
    if (object.kind !== undefined && object.kind !== kind.kind) {
      throw badRequest(
        `the kind of the object (${String(object.kind)}) does not match the kind on the URL (${kind.kind})`,
      );
    }
    if (object.apiVersion !== undefined && object.apiVersion !== apiVersionOfKind(kind)) {
      throw badRequest(
        `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersionOfKind(kind)})`,
      );
    }
    object.kind = kind.kind;
    object.apiVersion = apiVersionOfKind(kind);
    if (!isObject(object.metadata)) object.metadata = { name: '' };
    if (kind.namespaced) {
      if (object.metadata.namespace && object.metadata.namespace !== namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = namespace;
    } else {
      delete object.metadata.namespace;
    }
    return object;
  }

  /** Defaulting, pruning and validation of a whole object before it is stored. */
  private admit(kind: Kind, object: KubeObject, options: WriteOptions) {
    const name = object.metadata.name;
    const causes: FieldCause[] = validateObjectMeta(kind, object.metadata);
    if (kind.kind === 'Secret') foldStringData(object);
    if (kind.schema) {
      applyDefaults(kind.schema, object);
      const pruned = prune(kind.schema, object);
      if (pruned.length > 0 && options.strictFields) {
        throw badRequest(
          `strict decoding error: ${pruned.map((field) => `unknown field "${field}"`).join(', ')}`,
        );
      }
      causes.push(...validate(kind.schema, object));
    }
    if (causes.length > 0) throw invalid(kind, name, causes);
  }

  private namespaceKind(): Kind {
    return this.kinds.find('', 'v1', 'namespaces')!;
  }

  private requireLiveNamespace(kind: Kind, namespace: string, name: string) {
    const ns = this.store.get(kindKey(this.namespaceKind()), undefined, namespace);
    if (!ns) throw namespaceNotFound(namespace);
    if (ns.metadata.deletionTimestamp) throw forbiddenTerminating(kind, name, namespace);
  }

  private removeAndCollect(kind: Kind, object: KubeObject): KubeObject {
    const removed = this.store.remove(kindKey(kind), object);
    this.collectDependents(object.metadata.uid);
    // The last object of a Terminating namespace to go lets the namespace go.
    if (object.metadata.namespace) this.reconcileNamespace(object.metadata.namespace);
    return removed;
  }

  /**
   * DELETE of a namespace, as Kubernetes does it: the namespace is marked Terminating (and stays
   * readable), then emptied through the ordinary delete path.
   */
  private terminateNamespace(kind: Kind, current: KubeObject): KubeObject {
    const marked = current.metadata.deletionTimestamp
      ? current
      : this.store.put(
          kindKey(kind),
          {
            ...current,
            metadata: {
              ...current.metadata,
              deletionTimestamp: now(),
              deletionGracePeriodSeconds: 0,
            },
            status: { ...(isObject(current.status) ? current.status : {}), phase: 'Terminating' },
          },
          'MODIFIED',
        );
    this.reconcileNamespace(current.metadata.name);
    return marked;
  }

  /**
   * The namespace controller's reconcile: a Terminating namespace has each of its objects deleted
   * (those with finalizers stay, marked, until their finalizers are removed); once it is empty its
   * own `kubernetes` finalizer goes, and when no spec or metadata finalizer remains, so does it.
   * Called whenever something in or about such a namespace changes, and at start.
   */
  private reconcileNamespace(name: string) {
    const key = kindKey(this.namespaceKind());
    const namespace = this.store.get(key, undefined, name);
    if (!namespace?.metadata.deletionTimestamp || this.emptying.has(name)) return;
    this.emptying.add(name);
    try {
      for (const [objectKindKey, object] of [...this.store.entries()]) {
        if (object.metadata.namespace !== name || object.metadata.deletionTimestamp) continue;
        const kind = this.kindByKey(objectKindKey);
        // Garbage collection may have taken it since the list was made.
        if (kind && this.store.get(objectKindKey, name, object.metadata.name)) {
          this.delete(kind, name, object.metadata.name);
        }
      }
    } finally {
      this.emptying.delete(name);
    }
    for (const [, object] of this.store.entries()) {
      if (object.metadata.namespace === name) return;
    }
    let latest = this.store.get(key, undefined, name)!;
    const specFinalizers = specFinalizersOf(latest);
    if (specFinalizers.includes(NAMESPACE_FINALIZER)) {
      latest = this.store.put(
        key,
        {
          ...latest,
          spec: {
            ...(isObject(latest.spec) ? latest.spec : {}),
            finalizers: specFinalizers.filter((finalizer) => finalizer !== NAMESPACE_FINALIZER),
          },
        },
        'MODIFIED',
      );
    }
    if (specFinalizersOf(latest).length === 0 && (latest.metadata.finalizers ?? []).length === 0) {
      this.store.remove(key, latest);
    }
  }

  /** Background propagation: dependents whose every owner is gone are deleted in turn. */
  private collectDependents(ownerUid: string | undefined) {
    if (!ownerUid) return;
    const dependents = [...this.store.entries()].filter(([, object]) =>
      (object.metadata.ownerReferences ?? []).some((reference) => reference.uid === ownerUid),
    );
    for (const [key, dependent] of dependents) {
      const kind = this.kindByKey(key);
      const current =
        kind && this.store.get(key, dependent.metadata.namespace, dependent.metadata.name);
      if (!kind || !current) continue;
      const remainingOwners = (current.metadata.ownerReferences ?? []).filter(
        (reference) => reference.uid !== ownerUid && this.ownerExists(reference.uid),
      );
      if (remainingOwners.length > 0) continue;
      this.delete(kind, current.metadata.namespace, current.metadata.name);
    }
  }

  private orphanDependents(owner: KubeObject) {
    for (const [key, dependent] of [...this.store.entries()]) {
      const references = dependent.metadata.ownerReferences ?? [];
      if (!references.some((reference) => reference.uid === owner.metadata.uid)) continue;
      this.store.put(
        key,
        {
          ...dependent,
          metadata: {
            ...dependent.metadata,
            ownerReferences: references.filter((reference) => reference.uid !== owner.metadata.uid),
          },
        },
        'MODIFIED',
      );
    }
  }

  private ownerExists(uid: string): boolean {
    for (const [, object] of this.store.entries()) if (object.metadata.uid === uid) return true;
    return false;
  }

  private kindByKey(key: string): Kind | undefined {
    return this.kinds.all.find((kind) => kindKey(kind) === key);
  }
}
