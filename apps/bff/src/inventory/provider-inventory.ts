// What every provider type's inventory offers the REST routes, the provider controller and the
// change feed. Objects are already in Forklift's inventory JSON shape (reference inventory.md §1),
// so the routes only pick, filter and serialize. The routes cache the JSON of frozen objects and
// lists: an inventory that freezes what it returns must replace it on change, never mutate it.

/** A node of `tree/vm` or `tree/host`: the root has kind "" and object null. */
export type TreeNode = { kind: string; object: unknown; children: TreeNode[] };

/** A kind as RBAC names it. */
export type RbacResource = { group: string; resource: string };

/**
 * What the caller's own rights let it see, decided before a read: whether it may list `resource`
 * in `namespace` (for `namespaces` itself: get that namespace).
 */
export type CallerRights = (resource: RbacResource, namespace: string) => boolean;

export type ListOptions = {
  /** 0 = the common Resource fields only; higher adds fields as Forklift's detail levels do. */
  detail: number;
  /** Forklift's `name` parameter, already split: the last segment and the path before it. */
  name?: { name: string; path?: string };
  /** Only objects of this namespace (the OpenShift inventory's `namespace` parameter). */
  namespace?: string;
  /** For a caller-scoped inventory: only what the caller may see. */
  rights?: CallerRights;
};

/**
 * An inventory of the cluster the BFF itself talks to (the host provider's) holds objects the
 * caller may not be allowed to see: the routes ask RBAC with the caller's credentials and pass the
 * answer to every read.
 */
export type CallerScope = {
  /** The resources a read of this collection, `tree/<kind>` or `provider` (the counts) consults. */
  resourcesFor(collectionOrTree: string): RbacResource[];
  /** The namespaces the inventory's objects live in. */
  namespaces(): string[];
};

export type ProviderInventory = {
  /** The provider type this inventory serves (the `<type>` segment of its routes). */
  readonly type: string;
  /**
   * A file-based inventory (OVA): the local folder its files are under, so a user of an object's
   * absolute path (`ovfPath`) can tell the path within the share.
   */
  readonly shareDir?: string;
  /** True once the first full load is in; false again while reconnecting. */
  hasParity(): boolean;
  /** Resolves true at parity, or false when it has not come within the time given. */
  waitForParity(timeoutMs: number): Promise<boolean>;
  /** Why the last collection attempt failed, while the inventory has no parity. */
  lastError(): string | undefined;
  /** The collection names under /providers/<type>/<uid>/ (vms, hosts, …). */
  collections(): readonly string[];
  /** Objects of a collection; undefined for a collection this type does not have. */
  list(collection: string, options: ListOptions): unknown[] | undefined;
  /** One object at full detail; undefined when there is no such object (or the caller may not see it). */
  get(collection: string, id: string, rights?: CallerRights): unknown;
  /** `tree/<kind>`; undefined for a tree this type does not have. */
  tree(kind: string, detail: number, rights?: CallerRights): TreeNode | undefined;
  /** Present when the caller's own rights narrow what it sees (see CallerScope). */
  callerScope?: CallerScope;
  /** The fields GET /providers/<type>/<uid> adds at detail ≥ 1 (counts, product, …). */
  summary(rights?: CallerRights): Record<string, unknown>;
  /**
   * Tells the listener which collections changed, after the change is readable; bursts are
   * coalesced so a listener hears at most a few times a second.
   */
  subscribe(listener: (collections: string[]) => void): () => void;
  /**
   * Tells a file-based inventory (OVA) that the BFF itself just published this file whole, so it
   * is read at once rather than after the wait for files that may still be being copied.
   */
  fileAdded?(path: string): Promise<void>;
  stop(): Promise<void>;
};
