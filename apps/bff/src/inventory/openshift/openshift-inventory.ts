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
import { ApiException } from '@kubernetes/client-node';
import { keyOf, startWatch, type Watch } from '../../engine/watch.ts';
import type { Logger } from '../../logging.ts';
import type {
  CallerRights,
  ListOptions,
  ProviderInventory,
  RbacResource,
  TreeNode,
} from '../provider-inventory.ts';
import {
  listerOf,
  WATCHED_MODELS,
  watchPathOf,
  type KubeList,
  type KubeObject,
  type WatchedKind,
} from './collections.ts';
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

const isNotServed = (error: unknown) => error instanceof ApiException && error.code === 404;

const byNamespaceAndName = (a: KubeObject, b: KubeObject) => keyOf(a).localeCompare(keyOf(b));

export const createOpenshiftInventory = ({
  providerUid,
  kubeConfig,
  callerScoped,
  logger,
  coalesceMs = 200,
  absentRecheckMs = 60_000,
}: OpenshiftInventoryOptions): ProviderInventory => {
  const watches = new Map<WatchedKind, Watch<KubeObject>>();
  /**
   * Kinds whose last list failed: the informer says it is connected before it lists, so a watch
   * that cannot list would otherwise look live for a moment at every retry.
   */
  const listFailing = new Set<WatchedKind>();
  /** Kinds the cluster does not serve: empty, and looked for again now and then. */
  const absent = new Set<WatchedKind>();
  const firstErrors = new Map<WatchedKind, string>();
  const listeners = new Set<(collections: string[]) => void>();
  /** Frozen projections per `<collection>:<detail 0|1>`, dropped when the collection changes. */
  const lists = new Map<string, readonly unknown[]>();
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | undefined;
  let started = false;
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

  const watchKind = async (kind: WatchedKind): Promise<void> => {
    const lister = listerOf(kubeConfig, kind);
    let first: KubeList | undefined;
    try {
      first = await lister();
    } catch (error) {
      if (isNotServed(error)) {
        absent.add(kind);
        return;
      }
      // The watch below lists again and keeps retrying; its error says why until it succeeds.
      firstErrors.set(kind, String((error as Error).message ?? error));
    }
    if (stopped) return;
    absent.delete(kind);
    const watch = await startWatch<KubeObject>({
      kubeConfig,
      path: watchPathOf(WATCHED_MODELS[kind]),
      // The list already made serves the watch's first list.
      list: async () => {
        try {
          const list = first ?? (await lister());
          listFailing.delete(kind);
          return list;
        } catch (error) {
          listFailing.add(kind);
          throw error;
        } finally {
          first = undefined;
        }
      },
      logger,
    });
    if (stopped) {
      await watch.stop();
      return;
    }
    firstErrors.delete(kind);
    watches.set(kind, watch);
    watch.subscribe(() => changed(kind));
    changed(kind);
  };

  const kinds = Object.keys(WATCHED_MODELS) as WatchedKind[];
  const starting = Promise.all(kinds.map(watchKind)).then(() => {
    started = true;
  });

  /**
   * Parity comes and goes with the watches' connections; listeners hear when it comes, before
   * anyone is told it is there.
   */
  const hasParity = () => {
    const now =
      started &&
      !stopped &&
      listFailing.size === 0 &&
      [...watches.values()].every((watch) => watch.isLive());
    if (now && !parity) {
      parity = true;
      lists.clear();
      notify([...COLLECTIONS, 'provider']);
    } else if (!now) parity = false;
    return now;
  };
  const parityMonitor = setInterval(hasParity, 100);
  const absentRecheck = setInterval(() => {
    for (const kind of [...absent]) void watchKind(kind);
  }, absentRecheckMs);

  const objectsOf = (kind: WatchedKind): KubeObject[] => {
    const objects = watches.get(kind)?.list() ?? [];
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

  const counts = (): OpenshiftInventoryCounts => ({
    vmCount: objectsOf('vms').length,
    // Forklift counts the pod network too, which every namespace has.
    networkCount: objectsOf('networkattachmentdefinitions').length + 1,
    storageClassCount: objectsOf('storageclasses').length,
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
    lastError() {
      if (hasParity()) return undefined;
      const problems = kinds
        .map((kind) => {
          const problem = watches.get(kind)?.lastError() ?? firstErrors.get(kind);
          return problem ? `${WATCHED_MODELS[kind].plural}: ${problem}` : undefined;
        })
        .filter(Boolean);
      return problems.length ? problems.join('; ') : undefined;
    },
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
    summary: () => counts(),
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
                : isCollection(path)
                  ? [rbacOf(path)].filter((resource) => resource !== undefined)
                  : [],
            namespaces: () =>
              (watches.get('namespaces')?.list() ?? []).map((ns) => ns.metadata?.name ?? ''),
          },
        }
      : {}),
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(parityMonitor);
      clearInterval(absentRecheck);
      clearTimeout(flushTimer);
      listeners.clear();
      await starting;
      await Promise.all([...watches.values()].map((watch) => watch.stop()));
    },
  };
};
