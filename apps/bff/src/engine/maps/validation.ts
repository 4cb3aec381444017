// What a NetworkMap or StorageMap must satisfy (reference engine.md §1.7): a valid, Ready provider
// pair, sources its source provider's inventory has, destinations its destination cluster has.
// Pure: the reconcile hands in the map, the providers and the inventories, this says which
// conditions the map earns, which references it resolved, and whether it is Ready.
import {
  NetworkMapModel,
  StorageMapModel,
  type K8sModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { isBlocker, type ConditionInput } from '../conditions.ts';
import { checkNetworkDestinations, checkStorageDestinations } from './destinations.ts';
import {
  providerCondition,
  resolveProvider,
  type ProviderLookup,
  type ProviderSide,
  type ResolvedProvider,
} from './provider-pair.ts';
import { checkSources, type InventoryItem, type MapRef } from './source-refs.ts';

export type ForkliftMap = NetworkMap | StorageMap;

export type MapKind = {
  model: K8sModel;
  /** How messages name one source or destination. */
  noun: 'network' | 'storage';
  sourceConditionType: 'SourceNetworkNotValid' | 'SourceStorageNotValid';
  /** The inventory collection a source provider of each type lists its sources in. */
  sourceCollections: Readonly<Record<string, string>>;
  /** The destination cluster's collection the destinations are checked against. */
  destinationCollection: string;
  checkDestinations(
    map: ForkliftMap,
    items: readonly InventoryItem[],
    providerLabel: string,
  ): ConditionInput | undefined;
};

export const NETWORK_MAP: MapKind = {
  model: NetworkMapModel,
  noun: 'network',
  sourceConditionType: 'SourceNetworkNotValid',
  sourceCollections: {
    vsphere: 'networks',
    ova: 'networks',
    openshift: 'networkattachmentdefinitions',
  },
  destinationCollection: 'networkattachmentdefinitions',
  checkDestinations: (map, items, providerLabel) =>
    checkNetworkDestinations(
      ((map as NetworkMap).spec?.map ?? []).map((entry) => entry?.destination),
      items,
      providerLabel,
    ),
};

export const STORAGE_MAP: MapKind = {
  model: StorageMapModel,
  noun: 'storage',
  sourceConditionType: 'SourceStorageNotValid',
  sourceCollections: { vsphere: 'datastores', ova: 'storages', openshift: 'storageclasses' },
  destinationCollection: 'storageclasses',
  checkDestinations: (map, items, providerLabel) =>
    checkStorageDestinations(
      ((map as StorageMap).spec?.map ?? []).map((entry) => entry?.destination),
      items,
      providerLabel,
    ),
};

export type MapChecks = {
  conditions: ConditionInput[];
  /** status.references: the sources that resolved, with id and name. */
  references: MapRef[];
  /** An inventory the map depends on has no parity yet, so the map is judged again shortly. */
  waitingForInventory: boolean;
  ready: boolean;
};

const PREFIX: Record<ProviderSide, string> = { source: 'Source', destination: 'Destination' };

type ReadyProvider = Extract<ResolvedProvider, { state: 'ready' }>;

export const checkMap = ({
  kind,
  map,
  findProvider,
  inventoryOf,
}: {
  kind: MapKind;
  map: ForkliftMap;
  findProvider: ProviderLookup;
  /** The running inventory of a provider, by its metadata.uid (inventory/registry.ts `get`). */
  inventoryOf: (providerUid: string) => ProviderInventory | undefined;
}): MapChecks => {
  const namespace = map.metadata?.namespace ?? '';
  const conditions: ConditionInput[] = [];
  let waitingForInventory = false;

  /** The collection's objects, or undefined (with the condition that says why) when unreadable. */
  const itemsOf = (side: ProviderSide, { provider, label }: ReadyProvider, collection?: string) => {
    const type = provider.spec?.type ?? '';
    const inventory = inventoryOf(provider.metadata?.uid ?? '');
    if (!inventory?.hasParity()) {
      // Until the inventory is in, a source or destination it lacks proves nothing.
      conditions.push({
        type: `${PREFIX[side]}ProviderNotReady`,
        category: 'Critical',
        reason: 'InventoryNotReady',
        message: `The inventory of the ${side} provider ${label} is not loaded yet.`,
      });
      waitingForInventory = true;
      return undefined;
    }
    const listed = collection ? inventory.list(collection, { detail: 1 }) : undefined;
    if (!listed) {
      conditions.push({
        type: `${PREFIX[side]}ProviderNotValid`,
        category: 'Critical',
        reason: 'TypeNotValid',
        message: `The ${side} provider ${label} is of type ${type}, whose inventory has no ${kind.noun} to map.`,
      });
      return undefined;
    }
    return listed as InventoryItem[];
  };

  const source = resolveProvider('source', map.spec?.provider?.source, namespace, findProvider);
  const destination = resolveProvider(
    'destination',
    map.spec?.provider?.destination,
    namespace,
    findProvider,
  );
  for (const [side, resolved] of [
    ['source', source],
    ['destination', destination],
  ] as const) {
    const condition = providerCondition(side, resolved);
    if (condition) conditions.push(condition);
  }

  let references: MapRef[] = [];
  let sourcesResolved = false;
  if (source.state === 'ready') {
    const type = source.provider.spec?.type ?? '';
    const items = itemsOf('source', source, kind.sourceCollections[type]);
    if (items) {
      const checked = checkSources({
        conditionType: kind.sourceConditionType,
        noun: kind.noun,
        providerLabel: source.label,
        sources: (map.spec?.map ?? []).map((entry) => entry?.source),
        items,
        providerType: type,
      });
      references = checked.references;
      if (checked.condition) conditions.push(checked.condition);
      else sourcesResolved = true;
    }
  }
  if (destination.state === 'ready') {
    const items = itemsOf('destination', destination, kind.destinationCollection);
    const condition = items && kind.checkDestinations(map, items, destination.label);
    if (condition) conditions.push(condition);
  }

  // Forklift keeps a map whose sources are not found (Warn) Ready; here it is not Ready: a source
  // gone from the inventory means the estate changed under the map (a datastore removed or
  // renamed), which its owner should see before a plan relies on it.
  const ready =
    sourcesResolved &&
    destination.state === 'ready' &&
    !waitingForInventory &&
    !conditions.some(({ category, status }) => isBlocker({ category, status: status ?? 'True' }));
  return { conditions, references, waitingForInventory, ready };
};
