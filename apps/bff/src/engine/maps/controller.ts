// Runs the map reconcile for every NetworkMap or StorageMap: on start, when its spec changes, when
// one of its two Providers changes in a way that matters (appears, goes, becomes Ready or stops
// being Ready, changes type or uid), and when one of their inventories changes a collection the
// map is checked against — so a datastore removed in vCenter shows on the map within seconds.
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import type { Provider } from '@forklift-console/api';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import {
  keyOf,
  type Watch,
  type WatchEvent,
  createWorkQueue,
} from '@forklift-console/controller-runtime';
import { isProviderReady, providerLocation } from './provider-pair.ts';
import { createMapReconciler } from './reconcile.ts';
import type { ForkliftMap, MapKind } from './validation.ts';

export type MapControllerOptions = {
  kubeConfig: KubeConfig;
  kind: MapKind;
  inventories: InventoryRegistry;
  logger: Logger;
  watches: { maps: Watch<ForkliftMap>; providers: Watch<Provider> };
};

const refersTo = (map: ForkliftMap, provider: Provider): boolean => {
  const namespace = map.metadata?.namespace ?? '';
  return [map.spec?.provider?.source, map.spec?.provider?.destination].some((ref) => {
    const location = providerLocation(ref, namespace);
    return (
      location?.name === provider.metadata?.name &&
      location?.namespace === provider.metadata?.namespace
    );
  });
};

/** A provider change the map's conditions depend on; its other status writes are not news. */
const mattersToMaps = ({ type, object, previous }: WatchEvent<Provider>): boolean =>
  type !== 'updated' ||
  !previous ||
  isProviderReady(previous) !== isProviderReady(object) ||
  previous.metadata?.uid !== object.metadata?.uid ||
  previous.spec?.type !== object.spec?.type;

export const startMapController = ({
  kubeConfig,
  kind,
  inventories,
  logger,
  watches: { maps, providers },
}: MapControllerOptions) => {
  const findProvider = (namespace: string, name: string) =>
    providers
      .list()
      .find(
        (provider) =>
          provider.metadata?.namespace === namespace && provider.metadata?.name === name,
      );
  const queue = createWorkQueue({
    reconcile: createMapReconciler({
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      kind,
      findProvider,
      inventories,
      logger,
    }),
    onError: (key, error) =>
      logger.error({ map: key, err: String(error) }, `${kind.noun} map reconcile failed`),
  });

  const addMapsOf = (provider: Provider) => {
    for (const map of maps.list()) if (refersTo(map, provider)) queue.add(keyOf(map));
  };
  const relevantCollections = new Set([
    ...Object.values(kind.sourceCollections),
    kind.destinationCollection,
    // Said by the registry when an inventory (re)starts.
    'provider',
  ]);

  const unsubscribers = [
    maps.subscribe(({ type, object, previous }) => {
      if (type === 'deleted') return;
      // Its own status writes come back as updates too; only a new spec is news.
      if (type === 'added' || previous?.metadata?.generation !== object.metadata?.generation) {
        queue.add(keyOf(object));
      }
    }),
    providers.subscribe((event) => {
      if (mattersToMaps(event)) addMapsOf(event.object);
    }),
    inventories.subscribe(({ providerUid, collections }) => {
      if (!collections.some((collection) => relevantCollections.has(collection))) return;
      for (const provider of providers.list()) {
        if (provider.metadata?.uid === providerUid) addMapsOf(provider);
      }
    }),
  ];
  for (const map of maps.list()) queue.add(keyOf(map));

  return {
    async stop(): Promise<void> {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await queue.stop();
    },
  };
};

export type MapController = ReturnType<typeof startMapController>;
