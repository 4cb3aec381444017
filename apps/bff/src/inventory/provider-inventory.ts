// What every provider type's inventory offers the REST routes, the provider controller and the
// change feed. Objects are already in Forklift's inventory JSON shape (reference inventory.md §1),
// so the routes only pick, filter and serialize. The routes cache the JSON of frozen objects and
// lists: an inventory that freezes what it returns must replace it on change, never mutate it.

/** A node of `tree/vm` or `tree/host`: the root has kind "" and object null. */
export type TreeNode = { kind: string; object: unknown; children: TreeNode[] };

export type ListOptions = {
  /** 0 = the common Resource fields only; higher adds fields as Forklift's detail levels do. */
  detail: number;
  /** Forklift's `name` parameter, already split: the last segment and the path before it. */
  name?: { name: string; path?: string };
};

export type ProviderInventory = {
  /** The provider type this inventory serves (the `<type>` segment of its routes). */
  readonly type: string;
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
  /** One object at full detail; undefined when there is no such object. */
  get(collection: string, id: string): unknown;
  /** `tree/<kind>`; undefined for a tree this type does not have. */
  tree(kind: string, detail: number): TreeNode | undefined;
  /** The fields GET /providers/<type>/<uid> adds at detail ≥ 1 (counts, product, …). */
  summary(): Record<string, unknown>;
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
