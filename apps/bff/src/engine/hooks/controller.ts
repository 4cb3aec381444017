// Runs the hook reconcile for every Hook: on start, when its spec changes, and when the
// ForkliftController changes (its aap_url decides whether an AAP hook without a URL can run).
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import type { ForkliftController, Hook } from '@forklift-console/api';
import type { Logger } from '../../logging.ts';
import { serviceForkliftController } from '../../overview/access.ts';
import { keyOf, type Watch, createWorkQueue } from '@forklift-console/controller-runtime';
import { createHookReconciler } from './reconcile.ts';

export type HookControllerOptions = {
  kubeConfig: KubeConfig;
  logger: Logger;
  watches: { hooks: Watch<Hook>; forkliftControllers: Watch<ForkliftController> };
};

export const startHookController = ({
  kubeConfig,
  logger,
  watches: { hooks, forkliftControllers },
}: HookControllerOptions) => {
  const queue = createWorkQueue({
    reconcile: createHookReconciler({
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      forkliftController: () => serviceForkliftController(forkliftControllers.list()),
    }),
    onError: (key, error) =>
      logger.error({ hook: key, err: String(error) }, 'hook reconcile failed'),
  });
  const addAll = () => {
    for (const hook of hooks.list()) queue.add(keyOf(hook));
  };
  const unsubscribers = [
    hooks.subscribe(({ type, object, previous }) => {
      if (type === 'deleted') return;
      // Its own status writes come back as updates too; only a new spec is news.
      if (type === 'added' || previous?.metadata?.generation !== object.metadata?.generation) {
        queue.add(keyOf(object));
      }
    }),
    forkliftControllers.subscribe(({ type, object, previous }) => {
      if (type === 'updated' && previous?.metadata?.generation === object.metadata?.generation) {
        return;
      }
      addAll();
    }),
  ];
  addAll();

  return {
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await queue.stop();
    },
  };
};
