// An OVA share's inventory: the catalog is scanned when the folder changes (a recursive fs.watch,
// debounced) and periodically as a safety net for changes the watch misses (NFS, renamed parents).
// Each scan rebuilds the models; an object whose JSON did not change keeps its frozen instance, so
// the routes' caches and the change notices follow only what really changed.
import { watch, type FSWatcher } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ListOptions, ProviderInventory } from '../provider-inventory.ts';
import { scanOvaCatalog, type OvaScanError } from './scan.ts';
import { buildOvaModels, OVA_COLLECTIONS, ovaAtDetail, type OvaModels } from './ova-model.ts';

export type OvaInventoryOptions = {
  providerUid: string;
  /** The local folder of the share (see share.ts). */
  shareDir: string;
  /** The safety rescan period; 30 s by default. */
  rescanMs?: number;
  /** How old a file must be before it is read (Forklift: 30 s, for files still being copied). */
  minAgeMs?: number;
};

const DEBOUNCE_MS = 300;
const DEFAULT_RESCAN_MS = 30_000;
const DEFAULT_MIN_AGE_MS = 30_000;

/** Why a share folder cannot be scanned, or undefined when it can. */
export const shareFolderProblem = async (shareDir: string): Promise<string | undefined> => {
  try {
    if (!(await stat(shareDir)).isDirectory())
      return `The share folder ${shareDir} is not a folder`;
    await access(shareDir, constants.R_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? `The share folder ${shareDir} does not exist`
      : `The share folder ${shareDir} cannot be read: ${(error as Error).message}`;
  }
};

const emptyModels = (): OvaModels => ({
  vms: new Map(),
  networks: new Map(),
  disks: new Map(),
  storages: new Map(),
});

export const createOvaInventory = ({
  providerUid,
  shareDir,
  rescanMs = DEFAULT_RESCAN_MS,
  minAgeMs = DEFAULT_MIN_AGE_MS,
}: OvaInventoryOptions): ProviderInventory => {
  let models = emptyModels();
  let scanErrors: readonly OvaScanError[] = Object.freeze([]);
  let parity = false;
  let lastError: string | undefined;
  let stopped = false;
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let pendingTimer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;
  let rescanRequested = false;
  const lists = new Map<string, unknown[]>();
  // Files published whole by the upload route, with the size and mtime they were published with: a
  // later change to one of them is a copy like any other and waits its turn.
  const published = new Map<string, { size: number; mtimeMs: number }>();
  const isComplete = (path: string, info: { size: number; mtimeMs: number }) => {
    const known = published.get(resolve(path));
    return known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs;
  };
  const listeners = new Set<(collections: string[]) => void>();
  const parityWaiters = new Set<() => void>();

  const notify = (collections: string[]) => {
    if (collections.length === 0) return;
    for (const listener of listeners) listener(collections);
  };

  // Keeps the previous frozen object when its JSON is the same, and names the collections whose
  // membership or objects changed.
  const merge = (next: OvaModels): string[] => {
    const changed: string[] = [];
    for (const collection of OVA_COLLECTIONS) {
      const before = models[collection];
      const after = new Map<string, Record<string, unknown>>();
      let differs = before.size !== next[collection].size;
      for (const [id, model] of next[collection]) {
        const old = before.get(id);
        if (old && JSON.stringify(old) === JSON.stringify(model)) after.set(id, old);
        else {
          after.set(id, Object.freeze(model));
          differs = true;
        }
      }
      if (differs) {
        next[collection] = after;
        changed.push(collection);
      } else next[collection] = before;
    }
    return changed;
  };

  const startWatching = () => {
    if (watcher) return;
    try {
      watcher = watch(shareDir, { recursive: true }, requestScan);
      watcher.on('error', () => {
        // The folder went away or the watch broke: the periodic scan notices and re-watches.
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      watcher = undefined;
    }
  };

  const scanOnce = async () => {
    const problem = await shareFolderProblem(shareDir);
    if (problem) {
      watcher?.close();
      watcher = undefined;
      lastError = problem;
      parity = false;
      const changed = merge(emptyModels());
      models = emptyModels();
      lists.clear();
      notify(changed);
      return;
    }
    startWatching();
    try {
      const result = await scanOvaCatalog(shareDir, { minAgeMs, isComplete });
      // Once a published file is old enough the usual rule covers it; forgetting it bounds the map.
      for (const [path, { mtimeMs }] of published) {
        if (Date.now() - mtimeMs >= minAgeMs) published.delete(path);
      }
      if (stopped) return;
      const next = buildOvaModels(providerUid, result.vms);
      const changed = merge(next);
      models = next;
      for (const key of [...lists.keys()]) {
        if (changed.includes(key.slice(0, key.indexOf(':')))) lists.delete(key);
      }
      const errorsChanged = JSON.stringify(scanErrors) !== JSON.stringify(result.errors);
      scanErrors = Object.freeze(result.errors.map((error) => Object.freeze(error)));
      lastError = scanErrors.length ? describeErrors(scanErrors) : undefined;
      const reachedParity = !parity;
      parity = true;
      for (const resolve of parityWaiters) resolve();
      parityWaiters.clear();
      // A file still being copied is read once it is old enough, not only at the next period.
      clearTimeout(pendingTimer);
      if (result.pending.length)
        pendingTimer = setTimeout(requestScan, Math.min(minAgeMs, rescanMs) + 100);
      notify(reachedParity || errorsChanged ? [...new Set([...changed, 'provider'])] : changed);
    } catch (error) {
      lastError = `The share folder ${shareDir} cannot be scanned: ${(error as Error).message}`;
      parity = false;
    }
  };

  const runScans = async () => {
    do {
      rescanRequested = false;
      await scanOnce();
    } while (rescanRequested && !stopped);
    scanning = undefined;
  };

  function requestScan() {
    if (stopped) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      if (scanning) rescanRequested = true;
      else scanning = runScans();
    }, DEBOUNCE_MS);
  }

  scanning = runScans();
  const periodic = setInterval(requestScan, rescanMs);

  const listed = (collection: string, detail: number): unknown[] | undefined => {
    if (!(OVA_COLLECTIONS as readonly string[]).includes(collection)) return undefined;
    const level = Math.min(Math.max(detail, 0), 2);
    const key = `${collection}:${level}`;
    let items = lists.get(key);
    if (!items) {
      items = [...models[collection as keyof OvaModels].values()].map((model) => {
        const projected = ovaAtDetail(collection, model, level);
        return projected === model ? model : Object.freeze(projected);
      });
      Object.freeze(items);
      lists.set(key, items);
    }
    return items;
  };

  return {
    type: 'ova',
    shareDir: resolve(shareDir),
    hasParity: () => parity,
    async waitForParity(timeoutMs: number): Promise<boolean> {
      if (parity) return true;
      let timer: NodeJS.Timeout | undefined;
      let done: (() => void) | undefined;
      await new Promise<void>((resolve) => {
        done = resolve;
        parityWaiters.add(resolve);
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
      parityWaiters.delete(done!);
      return parity;
    },
    // Scan errors stay readable at parity: they are the user's only clue to a skipped package.
    lastError: () => lastError,
    collections: () => OVA_COLLECTIONS,
    list(collection: string, { detail, name }: ListOptions): unknown[] | undefined {
      const items = listed(collection, detail);
      if (!items || !name) return items;
      return items.filter((item) => (item as { name: string }).name === name.name);
    },
    get: (collection: string, id: string) =>
      (OVA_COLLECTIONS as readonly string[]).includes(collection)
        ? models[collection as keyof OvaModels].get(id)
        : undefined,
    tree: () => undefined,
    summary: () => ({
      apiVersion: '',
      product: '',
      vmCount: models.vms.size,
      networkCount: models.networks.size,
      diskCount: models.disks.size,
      storageCount: models.storages.size,
      scanErrors,
    }),
    subscribe(listener: (collections: string[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async fileAdded(path: string): Promise<void> {
      const info = await stat(path);
      published.set(resolve(path), { size: info.size, mtimeMs: info.mtimeMs });
      requestScan();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(periodic);
      clearTimeout(debounce);
      clearTimeout(pendingTimer);
      watcher?.close();
      listeners.clear();
      for (const resolve of parityWaiters) resolve();
      await scanning;
    },
  };
};

const describeErrors = (errors: readonly OvaScanError[]) =>
  errors.map(({ path, message }) => `${path}: ${message}`).join('; ');
