// Runs the provider reconcile for every Provider: on start, when its spec changes, when its Secret
// changes, while its inventory is loading, when the ForkliftController's OVA upload switch changes
// (for OVA providers that ask for uploads), and on the requeue the reconcile asks for.
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Secret,
} from '@kubernetes/client-node';
import type { ForkliftController, Provider } from '@forklift-console/api';
import { serviceForkliftController } from '../../overview/access.ts';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import { refersToSecret } from '../secrets.ts';
import { keyOf, type Watch, createWorkQueue } from '@forklift-console/controller-runtime';
import type { InventoryStarter } from './inventory-starter.ts';
import { createProviderReconciler } from './reconcile.ts';
import { asksForApplianceManagement } from './validation.ts';

export type ProviderControllerOptions = {
  kubeConfig: KubeConfig;
  inventories: InventoryRegistry;
  startInventory: InventoryStarter;
  ovaShareRoot: string;
  logger: Logger;
  watches: {
    providers: Watch<Provider>;
    secrets: Watch<V1Secret>;
    forkliftControllers: Watch<ForkliftController>;
  };
};

const uploadSwitchOf = (controller: ForkliftController | undefined) =>
  controller?.spec?.feature_ova_appliance_management;

const hasInventoryCreated = (provider: Provider): boolean =>
  Boolean(provider.status?.conditions?.some((condition) => condition.type === 'InventoryCreated'));

export const startProviderController = ({
  kubeConfig,
  inventories,
  startInventory,
  ovaShareRoot,
  logger,
  watches: { providers, secrets, forkliftControllers },
}: ProviderControllerOptions) => {
  const queue = createWorkQueue({
    reconcile: createProviderReconciler({
      kubeConfig,
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      core: kubeConfig.makeApiClient(CoreV1Api),
      inventories,
      startInventory,
      ovaShareRoot,
      // The watch already holds the ForkliftControllers: no API call per reconcile.
      readForkliftController: () => serviceForkliftController(forkliftControllers.list()),
      logger,
    }),
    onError: (key, error) =>
      logger.error({ provider: key, err: String(error) }, 'provider reconcile failed'),
  });

  const forgetInventory = async (key: string, uid: string) => {
    await inventories.remove(uid);
    // A reconcile in flight when the Provider went away may still have started one.
    await queue.settled(key);
    await inventories.remove(uid);
  };

  const unsubscribers = [
    providers.subscribe(({ type, object, previous }) => {
      const key = keyOf(object);
      if (type === 'deleted') {
        void forgetInventory(key, object.metadata?.uid ?? '');
        return;
      }
      // Its own status writes come back as updates too; only a new spec or a deletion is news.
      const specChanged =
        previous?.metadata?.generation !== object.metadata?.generation ||
        previous?.metadata?.deletionTimestamp !== object.metadata?.deletionTimestamp;
      if (type === 'added' || specChanged) queue.add(key);
    }),
    secrets.subscribe(({ object }) => {
      for (const provider of providers.list()) {
        const namespace = provider.metadata?.namespace ?? '';
        if (refersToSecret(provider.spec?.secret, namespace, object)) queue.add(keyOf(provider));
      }
    }),
    // An administrator turning uploads on or off expects the provider pages to follow in seconds,
    // not at the next periodic pass; the operator's own status writes change nothing here.
    forkliftControllers.subscribe(({ object, previous }) => {
      if (previous && uploadSwitchOf(previous) === uploadSwitchOf(object)) return;
      for (const provider of providers.list()) {
        if (asksForApplianceManagement(provider)) queue.add(keyOf(provider));
      }
    }),
    // Reaching parity is what a loading provider waits for; afterwards the periodic pass suffices,
    // except that an OVA scan's errors (the `provider` notice) are shown in a condition at once.
    inventories.subscribe(({ providerUid, collections }) => {
      const provider = providers
        .list()
        .find((candidate) => candidate.metadata?.uid === providerUid);
      if (!provider) return;
      const ovaNotice = provider.spec?.type === 'ova' && collections.includes('provider');
      if (!hasInventoryCreated(provider) || ovaNotice) queue.add(keyOf(provider));
    }),
  ];
  for (const provider of providers.list()) queue.add(keyOf(provider));

  return {
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await queue.stop();
    },
  };
};

export type ProviderController = ReturnType<typeof startProviderController>;
