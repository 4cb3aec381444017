// An OpenShift / KubeVirt cluster's inventory (reference inventory.md §1.7): the namespaces,
// storage classes, NADs, VMs (with their running instances), DataVolumes, PVCs and instance types
// of the cluster, kept by list+watch. Forklift reads the cluster live on every request; watching
// instead lets the change feed and the map controllers hear of a new NAD or StorageClass at once.
import type { KubeConfig } from '@kubernetes/client-node';
import {
  OPENSHIFT_INVENTORY_COLLECTIONS,
  type OpenshiftInventoryCollection,
  type OpenshiftInventoryCounts,
} from '@forklift-console/api';
import { keyOf } from '@forklift-console/controller-runtime';
import type { Logger } from '../../logging.ts';
import type {
  CallerRights,
  ListOptions,
  ProviderInventory,
  RbacResource,
  TreeNode,
} from '../provider-inventory.ts';
import { WATCHED_MODELS, type KubeObject, type WatchedKind } from './collections.ts';
import { watchCluster } from './cluster-watches.ts';
import { isUnsupportedUdn, resourceOf, vmOf } from './resource.ts';

export type OpenshiftInventoryOptions = {
  providerUid: string;
  /** Whose eyes the inventory reads with: the BFF's own (host) or the provider's token (remote). */
  kubeConfig: KubeConfig;
  /** The host cluster: each caller sees only what its own rights allow (see CallerScope). */
  callerScoped: boolean;
  logger: Logger;
  /** How long a burst of changes is gathered before listeners hear of it. */
  coalesceMs?: number;
  /** How often a kind the cluster did not serve (no KubeVirt, no CDI) is looked for again. */
  absentRecheckMs?: number;
};

const COLLECTIONS: readonly string[] = OPENSHIFT_INVENTORY_COLLECTIONS;
const NAMESPACES: RbacResource = { group: '', resource: 'namespaces' };
/** The collections whose size the provider resource counts. */
const COUNTED = ['vms', 'networkattachmentdefinitions', 'storageclasses'];

const isCollection = (collection: string): collection is OpenshiftInventoryCollection =>
  COLLECTIONS.includes(collection);

/** What a caller must be allowed to list to see a collection's objects; undefined: anyone. */
const rbacOf = (collection: OpenshiftInventoryCollection): RbacResource | undefined => {
  if (collection === 'namespaces') return NAMESPACES;
  const model = WATCHED_MODELS[collection];
  return model.namespaced ? { group: model.group, resource: model.plural } : undefined;
};

const byNamespaceAndName = (a: KubeObject, b: KubeObject) => keyOf(a).localeCompare(keyOf(b));

export const createOpenshiftInventory = ({
  providerUid,
  kubeConfig,
  callerScoped,
  logger,
  coalesceMs = 200,
  absentRecheckMs = 60_000,
}: OpenshiftInventoryOptions): ProviderInventory => {
  const listeners = new Set<(collections: string[]) => void>();
  /** Frozen projections per `<collection>:<detail 0|1>`, dropped when the collection changes. */
  const lists = new Map<string, readonly unknown[]>();
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  let parity = false;

  const notify = (collections: string[]) => {
    for (const listener of listeners) listener(collections);
  };

  const flush = () => {
    flushTimer = undefined;
    const collections = [...pending];
    pending.clear();
    if (collections.some((collection) => COUNTED.includes(collection))) {
      collections.push('provider');
    }
    if (collections.length) notify(collections);
  };

  const changed = (kind: WatchedKind) => {
    const collection = kind === 'virtualmachineinstances' ? 'vms' : kind;
    for (const key of [...lists.keys()]) {
      if (key.startsWith(`${collection}:`)) lists.delete(key);
    }
    if (!parity) return;
    pending.add(collection);
    flushTimer ??= setTimeout(flush, coalesceMs);
  };

  const cluster = watchCluster({ kubeConfig, logger, onChange: changed, absentRecheckMs });

  /**
   * Parity comes and goes with the watches' connections; listeners hear when it comes, before
   * anyone is told it is there.
   */
  const hasParity = () => {
    const now = !stopped && cluster.isComplete();
    if (now && !parity) {
      parity = true;
      lists.clear();
      notify([...COLLECTIONS, 'provider']);
    } else if (!now) parity = false;
    return now;
  };
  const parityMonitor = setInterval(hasParity, 100);

  const objectsOf = (kind: WatchedKind): KubeObject[] => {
    const objects = cluster.objects(kind);
    const served =
      kind === 'networkattachmentdefinitions'
        ? objects.filter((nad) => !isUnsupportedUdn(nad))
        : objects;
    return served.sort(byNamespaceAndName);
  };

  const instancesByKey = () =>
    new Map(objectsOf('virtualmachineinstances').map((vmi) => [keyOf(vmi), vmi]));

  const project = (
    collection: OpenshiftInventoryCollection,
    objects: KubeObject[],
    detail: number,
  ): unknown[] => {
    if (collection !== 'vms') {
      return objects.map((object) =>
        Object.freeze(resourceOf(providerUid, collection, object, detail)),
      );
    }
    const instances = instancesByKey();
    return objects.map((vm) =>
      Object.freeze(vmOf(providerUid, vm, instances.get(keyOf(vm)), detail)),
    );
  };

  const projected = (collection: OpenshiftInventoryCollection, detail: number) => {
    const level = detail > 0 ? 1 : 0;
    const key = `${collection}:${level}`;
    let items = lists.get(key);
    if (!items) {
      items = Object.freeze(project(collection, objectsOf(collection), level));
      lists.set(key, items);
    }
    return items as readonly { namespace: string; name: string; uid: string }[];
  };

  const visible = (
    collection: OpenshiftInventoryCollection,
    item: { namespace: string; name: string },
    rights: CallerRights | undefined,
  ): boolean => {
    const resource = rbacOf(collection);
    if (!rights || !resource) return true;
    return rights(resource, collection === 'namespaces' ? item.name : item.namespace);
  };

  const list = (collection: string, { detail, name, namespace, rights }: ListOptions) => {
    if (!isCollection(collection)) return undefined;
    const items = projected(collection, detail);
    if (!name && !namespace && !rights) return items as unknown[];
    return items.filter(
      (item) =>
        (!name || item.name === name.name) &&
        (!namespace || (collection === 'namespaces' ? item.name : item.namespace) === namespace) &&
        visible(collection, item, rights),
    );
  };

  /** What the caller may see, counted. */
  const counts = (rights: CallerRights | undefined): OpenshiftInventoryCounts => ({
    vmCount: list('vms', { detail: 0, rights })!.length,
    // Forklift counts the pod network too, which every namespace has.
    networkCount: list('networkattachmentdefinitions', { detail: 0, rights })!.length + 1,
    storageClassCount: list('storageclasses', { detail: 0, rights })!.length,
  });

  const namespaceTree = (detail: number, rights: CallerRights | undefined): TreeNode => {
    const vms = list('vms', { detail, rights }) as { namespace: string }[];
    const children = (list('namespaces', { detail, rights }) as { name: string }[]).map(
      (namespace) => ({
        kind: 'Namespace',
        object: namespace,
        children: vms
          .filter((vm) => vm.namespace === namespace.name)
          .map((vm) => ({ kind: 'VM', object: vm, children: [] })),
      }),
    );
    return { kind: '', object: null, children };
  };

  return {
    type: 'openshift',
    hasParity,
    async waitForParity(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!hasParity() && !stopped && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return hasParity();
    },
    lastError: () => (hasParity() ? undefined : cluster.lastError()),
    collections: () => COLLECTIONS,
    list,
    get(collection: string, id: string, rights?: CallerRights) {
      if (!isCollection(collection)) return undefined;
      const items = projected(collection, 1);
      const seen = (item: (typeof items)[number]) => visible(collection, item, rights);
      return (
        items.find((item) => item.uid === id && seen(item)) ??
        items.find((item) => item.name === id && seen(item))
      );
    },
    tree: (kind: string, detail: number, rights?: CallerRights) =>
      kind === 'namespace' ? namespaceTree(detail, rights) : undefined,
    summary: (rights?: CallerRights) => counts(rights),
    subscribe(listener: (collections: string[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...(callerScoped
      ? {
          callerScope: {
            resourcesFor: (path: string) =>
              path === 'tree/namespace'
                ? [NAMESPACES, rbacOf('vms')!]
                : path === 'provider'
                  ? [rbacOf('vms')!, rbacOf('networkattachmentdefinitions')!]
                  : isCollection(path)
                    ? [rbacOf(path)].filter((resource) => resource !== undefined)
                    : [],
            namespaces: () =>
              cluster.objects('namespaces').map((namespace) => namespace.metadata?.name ?? ''),
          },
        }
      : {}),
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(parityMonitor);
      clearTimeout(flushTimer);
      listeners.clear();
      await cluster.stop();
    },
  };
};
