// The reconcile queue of one controller: keys (namespace/name) in, at most one reconcile per key at
// a time, a key that changes while it is being reconciled runs once more afterwards, and a
// reconcile can ask to run again later. Reconciles of different keys run side by side.

/** Forklift's requeue delays (reference engine.md §0.4). */
export const FAST_REQUEUE_MS = 500;
export const SLOW_REQUEUE_MS = 3_000;
export const LONG_REQUEUE_MS = 30_000;

export type ReconcileResult = { requeueAfterMs?: number };

export type WorkQueueOptions = {
  reconcile: (key: string) => Promise<ReconcileResult>;
  /** A reconcile that threw; the key is retried after `retryAfterMs`. */
  onError: (key: string, error: unknown) => void;
  retryAfterMs?: number;
};

export const createWorkQueue = ({
  reconcile,
  onError,
  retryAfterMs = SLOW_REQUEUE_MS,
}: WorkQueueOptions) => {
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  const timers = new Map<string, { due: number; timer: NodeJS.Timeout }>();
  let stopped = false;

  const clearTimer = (key: string) => {
    const pending = timers.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    timers.delete(key);
  };

  const add = (key: string): void => {
    if (stopped) return;
    if (running.has(key)) {
      dirty.add(key);
      return;
    }
    // Running now makes any later wake-up redundant: this run decides the next one.
    clearTimer(key);
    const flight = (async () => {
      let requeueAfterMs: number | undefined;
      try {
        ({ requeueAfterMs } = await reconcile(key));
      } catch (error) {
        onError(key, error);
        requeueAfterMs = retryAfterMs;
      }
      running.delete(key);
      if (dirty.delete(key)) add(key);
      else if (requeueAfterMs !== undefined) addAfter(key, requeueAfterMs);
    })();
    running.set(key, flight);
  };

  const addAfter = (key: string, delayMs: number): void => {
    if (stopped) return;
    const due = Date.now() + delayMs;
    const pending = timers.get(key);
    if (pending && pending.due <= due) return;
    clearTimer(key);
    const timer = setTimeout(() => {
      timers.delete(key);
      add(key);
    }, delayMs);
    timers.set(key, { due, timer });
  };

  return {
    add,
    addAfter,
    /** Resolves once the reconcile of `key` that is running now, if any, has finished. */
    settled: (key: string): Promise<void> => running.get(key) ?? Promise.resolve(),
    /** Cancels every wake-up and waits for the reconciles in flight. */
    async stop(): Promise<void> {
      stopped = true;
      for (const key of [...timers.keys()]) clearTimer(key);
      dirty.clear();
      await Promise.all(running.values());
    },
  };
};

export type WorkQueue = ReturnType<typeof createWorkQueue>;
