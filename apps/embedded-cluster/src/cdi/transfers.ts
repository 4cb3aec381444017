// The transfers running in this process, one per DataVolume uid. It is the process's own memory
// only: a DataVolume In Progress with no transfer here is one a restart interrupted.
export type Transfers = {
  has(uid: string): boolean;
  /** `key` (namespace/name) is what `onError` is told, to reconcile the DataVolume again. */
  start(uid: string, key: string, run: (signal: AbortSignal) => Promise<void>): void;
  cancel(uid: string): void;
  /** Stops every transfer and waits for them to end; their DataVolumes stay In Progress. */
  stopAll(): Promise<void>;
};

export const createTransfers = (onError: (key: string, error: unknown) => void): Transfers => {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  return {
    has: (uid) => running.has(uid),
    start(uid, key, run) {
      const controller = new AbortController();
      const done = run(controller.signal)
        .catch((error: unknown) => onError(key, error))
        .finally(() => running.delete(uid));
      running.set(uid, { controller, done });
    },
    cancel(uid) {
      running.get(uid)?.controller.abort();
    },
    async stopAll() {
      const all = [...running.values()];
      for (const { controller } of all) controller.abort();
      await Promise.all(all.map(({ done }) => done));
    },
  };
};
