// A vCenter's inventory as the REST routes serve it: the collector keeps the raw objects, the
// model store turns them into Forklift's shapes, and this puts lists, trees and change
// notifications on top — lists and trees memoized until their collection changes.
import type { ListOptions, ProviderInventory, TreeNode } from '../provider-inventory.ts';
import type { TlsOptions } from '@forklift-console/vsphere';
import { startVsphereCollector } from './collector.ts';
import { vspherePropertyRequests } from './property-requests.ts';
import { createModelStore, VSPHERE_COLLECTIONS } from './model-store.ts';
import { STANDALONE_VARIANT } from './cluster-model.ts';
import { isGhostVm, type VsphereVm } from './vm-model.ts';
import { atDetail } from './projections.ts';
import { matchesName } from './name-filter.ts';
import { buildTree } from './tree.ts';
import type { Resource } from './resource.ts';

export type VsphereInventoryOptions = {
  providerUid: string;
  sdkUrl: string;
  username: string;
  password: string;
  tls?: TlsOptions;
  /** How long one WaitForUpdatesEx call may block; also bounds how long stop() waits. */
  maxWaitSeconds?: number;
};

/** Listeners hear at most this often; a lone change goes out at once. */
const NOTIFY_INTERVAL_MS = 200;

/** Which collections each tree is drawn from. */
const TREE_SOURCES: Record<string, readonly string[]> = {
  vm: ['datacenters', 'folders', 'vms'],
  host: ['datacenters', 'folders', 'clusters', 'hosts', 'vms'],
};

/** What a collection lists, before detail: templates, ghosts and standalone hosts stay out. */
const isListed = (collection: string, model: Resource): boolean => {
  if (collection === 'vms') {
    const vm = model as VsphereVm;
    return !vm.isTemplate && !isGhostVm(vm);
  }
  if (collection === 'clusters') return model.variant !== STANDALONE_VARIANT;
  return true;
};

export const createVsphereInventory = (options: VsphereInventoryOptions): ProviderInventory => {
  let lastError: string | undefined;
  /** Set while the collector (re)reads everything: the models are rebuilt at its parity. */
  let rebuildPending = true;
  const lists = new Map<string, unknown[]>();
  const trees = new Map<string, TreeNode>();
  const listeners = new Set<(collections: string[]) => void>();
  let pendingNotice = new Set<string>();
  let noticeTimer: NodeJS.Timeout | undefined;
  let lastNoticeAt = 0;

  const flushNotice = () => {
    noticeTimer = undefined;
    lastNoticeAt = Date.now();
    const collections = [...pendingNotice];
    pendingNotice = new Set();
    for (const listener of listeners) listener(collections);
  };

  const changed = (collections: Set<string>) => {
    if (collections.size === 0) return;
    for (const key of [...lists.keys()]) {
      if (collections.has(key.slice(0, key.indexOf(':')))) lists.delete(key);
    }
    for (const key of [...trees.keys()]) {
      const kind = key.slice(0, key.indexOf(':'));
      if (TREE_SOURCES[kind]!.some((collection) => collections.has(collection))) {
        trees.delete(key);
      }
    }
    for (const collection of collections) pendingNotice.add(collection);
    if (noticeTimer || listeners.size === 0) {
      if (listeners.size === 0) pendingNotice.clear();
      return;
    }
    noticeTimer = setTimeout(
      flushNotice,
      Math.max(0, lastNoticeAt + NOTIFY_INTERVAL_MS - Date.now()),
    );
  };

  const store = createModelStore(options.providerUid, (ref) => collector.get(ref.type, ref.value));
  const collector = startVsphereCollector({
    sdkUrl: options.sdkUrl,
    username: options.username,
    password: options.password,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.maxWaitSeconds ? { maxWaitSeconds: options.maxWaitSeconds } : {}),
    requests: (about) => vspherePropertyRequests(about.apiVersion),
    onChanges: (changes) => {
      if (!collector.isInSync()) {
        rebuildPending = true;
        return;
      }
      const collections = rebuildPending
        ? store.rebuild(collector.objects())
        : store.apply(changes, collector.objects);
      rebuildPending = false;
      changed(collections);
    },
    onError: (error) => {
      lastError = error.message;
      // The next session reads everything again; the models follow from its full read.
      rebuildPending = true;
    },
  });

  const hasParity = () => collector.isInSync() && !rebuildPending;

  const listed = (collection: string, detail: number): unknown[] | undefined => {
    const models = store.models(collection);
    if (!models) return undefined;
    // The VM list is always at full detail (Forklift's MTV-1609 behaviour).
    const tier = collection === 'vms' || detail > 0 ? 'full' : '0';
    const key = `${collection}:${tier}`;
    let items = lists.get(key);
    if (!items) {
      items = [];
      for (const model of models.values()) {
        if (isListed(collection, model)) items.push(atDetail(model, tier === 'full' ? 1 : 0));
      }
      Object.freeze(items);
      lists.set(key, items);
    }
    return items;
  };

  return {
    type: 'vsphere',
    hasParity,
    async waitForParity(timeoutMs: number): Promise<boolean> {
      if (hasParity()) return true;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([collector.inSync(), timedOut]);
      clearTimeout(timer);
      return hasParity();
    },
    lastError: () => (hasParity() ? undefined : lastError),
    collections: () => VSPHERE_COLLECTIONS,
    list(collection: string, { detail, name }: ListOptions): unknown[] | undefined {
      const items = listed(collection, detail);
      if (!items || !name) return items;
      return items.filter((item) => matchesName(collection, item as Resource, name));
    },
    get: (collection: string, id: string) => store.models(collection)?.get(id),
    tree(kind: string, detail: number): TreeNode | undefined {
      if (kind !== 'vm' && kind !== 'host') return undefined;
      const key = `${kind}:${Math.min(Math.max(detail, 0), 2)}`;
      let tree = trees.get(key);
      if (!tree) {
        tree = Object.freeze(buildTree(store, kind, detail));
        trees.set(key, tree);
      }
      return tree;
    },
    summary(): Record<string, unknown> {
      const about = collector.about();
      const count = (collection: string) => store.models(collection)!.size;
      return {
        apiVersion: about?.apiVersion ?? '',
        product: about?.licenseProductName ?? '',
        instanceUuid: about?.instanceUuid ?? '',
        datacenterCount: count('datacenters'),
        // Forklift's counts: standalone compute resources are clusters, templates are VMs.
        clusterCount: count('clusters'),
        hostCount: count('hosts'),
        vmCount: count('vms'),
        networkCount: count('networks'),
        datastoreCount: count('datastores'),
      };
    },
    subscribe(listener: (collections: string[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(): Promise<void> {
      clearTimeout(noticeTimer);
      listeners.clear();
      await collector.stop();
    },
  };
};
