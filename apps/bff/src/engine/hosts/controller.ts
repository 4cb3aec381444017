// Runs the host reconcile for every Host: on start, when its spec changes, and when what it is
// checked against changes — its provider (spec or status), its Secret, its provider's inventory.
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Secret,
} from '@kubernetes/client-node';
import type { Host, Provider } from '@forklift-console/api';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import { refersToSecret } from '../secrets.ts';
import { keyOf, type Watch, createWorkQueue } from '@forklift-console/controller-runtime';
import { createHostReconciler, hostProviderLocation } from './reconcile.ts';

export type HostControllerOptions = {
  kubeConfig: KubeConfig;
  inventories: InventoryRegistry;
  logger: Logger;
  watches: { hosts: Watch<Host>; providers: Watch<Provider>; secrets: Watch<V1Secret> };
};

const refersToProvider = (host: Host, provider: Provider): boolean => {
  const location = hostProviderLocation(host);
  return (
    location !== undefined &&
    location.name === provider.metadata?.name &&
    location.namespace === provider.metadata?.namespace
  );
};

export const startHostController = ({
  kubeConfig,
  inventories,
  logger,
  watches: { hosts, providers, secrets },
}: HostControllerOptions) => {
  const queue = createWorkQueue({
    reconcile: createHostReconciler({
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      core: kubeConfig.makeApiClient(CoreV1Api),
      inventories,
      logger,
    }),
    onError: (key, error) =>
      logger.error({ host: key, err: String(error) }, 'host reconcile failed'),
  });

  const addHostsOf = (provider: Provider) => {
    for (const host of hosts.list()) if (refersToProvider(host, provider)) queue.add(keyOf(host));
  };

  const unsubscribers = [
    hosts.subscribe(({ type, object, previous }) => {
      if (type === 'deleted') return;
      // Its own status writes come back as updates too; only a new spec is news.
      if (type === 'added' || previous?.metadata?.generation !== object.metadata?.generation) {
        queue.add(keyOf(object));
      }
    }),
    // Status included: a host waits for its provider to become Ready.
    providers.subscribe(({ object }) => addHostsOf(object)),
    secrets.subscribe(({ object }) => {
      for (const host of hosts.list()) {
        const namespace = host.metadata?.namespace ?? '';
        if (refersToSecret(host.spec?.secret, namespace, object)) queue.add(keyOf(host));
      }
    }),
    inventories.subscribe(({ providerUid, collections }) => {
      if (!collections.includes('hosts') && !collections.includes('provider')) return;
      const provider = providers
        .list()
        .find((candidate) => candidate.metadata?.uid === providerUid);
      if (provider) addHostsOf(provider);
    }),
  ];
  for (const host of hosts.list()) queue.add(keyOf(host));

  return {
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await queue.stop();
    },
  };
};

export type HostController = ReturnType<typeof startHostController>;
