// A watched collection for the controllers: an informer that restarts itself after a failure, a
// cache of the objects it has seen, and change events that carry the previous version so that a
// controller can tell a spec change from a status write.
import {
  makeInformer,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';

/** What the watch needs of an object; the Forklift kinds type their metadata themselves. */
export type Named = { metadata?: { name?: string; namespace?: string } };

/** Where a watch reports its restarts: a pino logger fits. */
export type WatchLogger = { warn(fields: object, message: string): void };

export type WatchEvent<T> = {
  type: 'added' | 'updated' | 'deleted';
  object: T;
  /** The version seen before an update. */
  previous?: T;
};

export type Watch<T> = {
  list(): T[];
  /** True while the watch is connected; false from a failure until it has listed again. */
  isLive(): boolean;
  /** Why the watch last failed, while it is not live. */
  lastError(): string | undefined;
  subscribe(listener: (event: WatchEvent<T>) => void): () => void;
  stop(): Promise<void>;
};

/**
 * A failed list or watch in a sentence: the API server's Status message when it sent one. Never the
 * request, whose headers carry the credentials.
 */
export const describeWatchError = (error: unknown): string => {
  const failure = error as {
    code?: number;
    statusCode?: number;
    body?: unknown;
    message?: string;
  };
  const code = failure.code ?? failure.statusCode;
  if (typeof code === 'number') {
    let message: unknown;
    try {
      message =
        typeof failure.body === 'string'
          ? (JSON.parse(failure.body) as { message?: unknown }).message
          : (failure.body as { message?: unknown } | undefined)?.message;
    } catch {
      message = undefined;
    }
    return `HTTP ${code}${typeof message === 'string' && message ? `: ${message}` : ''}`;
  }
  return failure.message ?? String(error);
};

const RESTART_DELAYS_MS = [500, 1000, 2000, 5000, 10000];

export const keyOf = (object: Named): string =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

/**
 * Starts watching `path` (a cluster-wide collection). Resolves once the first list is in, or has
 * failed and is being retried: the engine starts even while the API server is away.
 */
export const startWatch = async <T extends Named>({
  kubeConfig,
  path,
  list,
  logger,
  labelSelector,
}: {
  kubeConfig: KubeConfig;
  path: string;
  list: () => Promise<{ items: T[] }>;
  logger: WatchLogger;
  /** Only the objects with these labels (`list` must ask for the same). */
  labelSelector?: string;
}): Promise<Watch<T>> => {
  const objects = new Map<string, T>();
  const listeners = new Set<(event: WatchEvent<T>) => void>();
  let stopped = false;
  let failures = 0;
  let live = false;
  let lastError: string | undefined;

  const emit = (event: WatchEvent<T>) => {
    for (const listener of listeners) listener(event);
  };

  const informer = makeInformer<KubernetesObject>(
    kubeConfig,
    path,
    list as () => Promise<KubernetesListObject<KubernetesObject>>,
    labelSelector,
  );
  informer.on('add', (added) => {
    const object = added as T;
    const previous = objects.get(keyOf(object));
    objects.set(keyOf(object), object);
    // A relist after a restart announces known objects as added again.
    emit(previous ? { type: 'updated', object, previous } : { type: 'added', object });
  });
  informer.on('update', (updated) => {
    const object = updated as T;
    const previous = objects.get(keyOf(object));
    objects.set(keyOf(object), object);
    emit({ type: 'updated', object, previous });
  });
  informer.on('delete', (deleted) => {
    const object = deleted as T;
    objects.delete(keyOf(object));
    emit({ type: 'deleted', object });
  });
  informer.on('connect', () => {
    failures = 0;
    live = true;
    lastError = undefined;
  });
  informer.on('error', (error) => {
    live = false;
    lastError = describeWatchError(error);
    if (stopped) return;
    const delay = RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length - 1)] ?? 10000;
    failures += 1;
    logger.warn({ path, err: String(error), retryInMs: delay }, 'watch failed; restarting');
    setTimeout(() => {
      if (!stopped) informer.start().catch(() => undefined);
    }, delay).unref();
  });
  // A first list that fails went through the error handler above, which keeps retrying; the
  // informer says `connect` before it lists, so a failed list leaves the watch not live.
  await informer.start().catch(() => undefined);

  return {
    list: () => [...objects.values()],
    isLive: () => !stopped && live,
    lastError: () => (live ? undefined : lastError),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      listeners.clear();
      await informer.stop();
    },
  };
};
