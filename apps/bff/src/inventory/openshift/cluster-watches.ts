// The list+watch of every kind the OpenShift inventory reads on one cluster (engine/watch.ts per
// kind). A kind the cluster does not serve (no KubeVirt, no CDI) counts as empty and is looked for
// again now and then; a kind that cannot be listed keeps the whole set incomplete and says why.
import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import { describeWatchError, startWatch, type Watch } from '@forklift-console/controller-runtime';
import type { Logger } from '../../logging.ts';
import {
  listerOf,
  WATCHED_MODELS,
  watchPathOf,
  type KubeList,
  type KubeObject,
  type WatchedKind,
} from './collections.ts';

export type ClusterWatches = {
  /** The objects of a kind as last seen, in no particular order. */
  objects(kind: WatchedKind): KubeObject[];
  /** Every served kind has been listed and its watch is connected. */
  isComplete(): boolean;
  /** Why the set is not complete, kind by kind. */
  lastError(): string | undefined;
  stop(): Promise<void>;
};

const KINDS = Object.keys(WATCHED_MODELS) as WatchedKind[];

const isNotServed = (error: unknown) => error instanceof ApiException && error.code === 404;

export const watchCluster = ({
  kubeConfig,
  logger,
  onChange,
  absentRecheckMs,
}: {
  kubeConfig: KubeConfig;
  logger: Logger;
  /** Hears of every change to a kind, and of its first list. */
  onChange: (kind: WatchedKind) => void;
  absentRecheckMs: number;
}): ClusterWatches => {
  const watches = new Map<WatchedKind, Watch<KubeObject>>();
  /**
   * Kinds whose last list failed: the informer says it is connected before it lists, so a watch
   * that cannot list would otherwise look live for a moment at every retry.
   */
  const listFailing = new Set<WatchedKind>();
  const absent = new Set<WatchedKind>();
  const firstErrors = new Map<WatchedKind, string>();
  let started = false;
  let stopped = false;

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
      firstErrors.set(kind, describeWatchError(error));
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
    watch.subscribe(() => onChange(kind));
    onChange(kind);
  };

  const starting = Promise.all(KINDS.map(watchKind)).then(() => {
    started = true;
  });
  const absentRecheck = setInterval(() => {
    for (const kind of [...absent]) void watchKind(kind);
  }, absentRecheckMs);

  return {
    objects: (kind) => watches.get(kind)?.list() ?? [],
    isComplete: () =>
      started &&
      !stopped &&
      listFailing.size === 0 &&
      [...watches.values()].every((watch) => watch.isLive()),
    lastError() {
      const problems = KINDS.map((kind) => {
        const problem = watches.get(kind)?.lastError() ?? firstErrors.get(kind);
        return problem ? `${WATCHED_MODELS[kind].plural}: ${problem}` : undefined;
      }).filter(Boolean);
      return problems.length ? problems.join('; ') : undefined;
    },
    async stop() {
      stopped = true;
      clearInterval(absentRecheck);
      await starting;
      await Promise.all([...watches.values()].map((watch) => watch.stop()));
    },
  };
};
