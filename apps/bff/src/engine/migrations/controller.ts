// Runs the Migration reconcile for every Migration: when it is created or its spec changes, and
// whenever the plan it names changes (its snapshot and VM statuses are what the Migration mirrors).
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import type { Migration, Plan } from '@forklift-console/api';
import { createWorkQueue, keyOf, type Watch } from '@forklift-console/controller-runtime';
import type { Logger } from '../../logging.ts';
import { createMigrationReconciler } from './reconcile.ts';

export type MigrationControllerOptions = {
  kubeConfig: KubeConfig;
  logger: Logger;
  watches: { migrations: Watch<Migration>; plans: Watch<Plan> };
};

const namesPlan = (migration: Migration, plan: Plan): boolean =>
  migration.spec?.plan?.name === plan.metadata?.name &&
  (migration.spec?.plan?.namespace || migration.metadata?.namespace) === plan.metadata?.namespace;

export const startMigrationController = ({
  kubeConfig,
  logger,
  watches: { migrations, plans },
}: MigrationControllerOptions) => {
  const queue = createWorkQueue({
    reconcile: createMigrationReconciler({ custom: kubeConfig.makeApiClient(CustomObjectsApi) }),
    onError: (key, error) =>
      logger.error({ migration: key, err: String(error) }, 'migration reconcile failed'),
  });
  const unsubscribers = [
    migrations.subscribe(({ type, object, previous }) => {
      if (type === 'deleted') return;
      // Its own status writes come back as updates; a new spec or owner is news.
      if (
        type === 'added' ||
        previous?.metadata?.generation !== object.metadata?.generation ||
        (previous?.metadata?.ownerReferences?.length ?? 0) !==
          (object.metadata?.ownerReferences?.length ?? 0)
      ) {
        queue.add(keyOf(object));
      }
    }),
    plans.subscribe(({ object }) => {
      for (const migration of migrations.list()) {
        if (namesPlan(migration, object)) queue.add(keyOf(migration));
      }
    }),
  ];
  for (const migration of migrations.list()) queue.add(keyOf(migration));
  return {
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await queue.stop();
    },
  };
};
