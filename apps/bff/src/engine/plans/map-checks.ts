// The plan's NetworkMap and StorageMap (reference engine.md §4, steps 4–5): named, existing and
// Ready, multus destinations reachable from the target namespace; and, for the per-VM checks,
// which source networks and storage the maps cover, resolved against the source inventory as the
// map controller resolves them.
import { isNadReachable, type NetworkMap, type Plan, type StorageMap } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import type { ConditionInput } from '../conditions.ts';
import { resolveSourceRef, type InventoryItem, type MapRef } from '../maps/source-refs.ts';
import { NETWORK_MAP, STORAGE_MAP, type MapKind } from '../maps/validation.ts';
import { POD_NETWORK_KEY } from './vm-facts.ts';

type ForkliftMap = NetworkMap | StorageMap;

const CONDITIONS = {
  network: { refNotValid: 'NetworkMapRefNotValid', notReady: 'NetworkMapNotReady' },
  storage: { refNotValid: 'StorageRefNotValid', notReady: 'StorageMapNotReady' },
} as const;

const critical = (type: string, reason: string, message: string): ConditionInput => ({
  type,
  category: 'Critical',
  reason,
  message,
});

const isReady = (map: ForkliftMap): boolean =>
  (map.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

// A multus network outside the VM's namespace is reachable only from `default` (Multus's rule).
const checkNadNamespaces = (plan: Plan, map: NetworkMap): ConditionInput[] => {
  const targetNamespace = plan.spec?.targetNamespace ?? '';
  const unreachable = (map.spec?.map ?? []).flatMap(({ destination }) =>
    destination?.type === 'multus' &&
    destination.namespace &&
    !isNadReachable(destination.namespace, targetNamespace)
      ? [`${destination.namespace}/${destination.name ?? ''}`]
      : [],
  );
  if (unreachable.length === 0) return [];
  return [
    {
      ...critical(
        'NetMapDestinationNADNotValid',
        'NotValid',
        `Network attachment definitions must be in the target namespace ${targetNamespace} or in default: ${unreachable.join(', ')}.`,
      ),
      items: unreachable,
    },
  ];
};

export const checkMapRefs = <T extends ForkliftMap>(
  plan: Plan,
  kind: MapKind,
  findMap: (namespace: string, name: string) => T | undefined,
): ConditionInput[] => {
  const types = CONDITIONS[kind.noun];
  const ref = plan.spec?.map?.[kind.noun];
  if (!ref?.name) {
    return [critical(types.refNotValid, 'NotSet', `The plan names no ${kind.noun} map.`)];
  }
  const namespace = ref.namespace || plan.metadata?.namespace || '';
  const label = `${namespace}/${ref.name}`;
  const map = findMap(namespace, ref.name);
  if (!map) {
    return [
      critical(types.refNotValid, 'NotFound', `The ${kind.noun} map ${label} does not exist.`),
    ];
  }
  if (!isReady(map)) {
    return [critical(types.notReady, 'NotReady', `The ${kind.noun} map ${label} is not ready.`)];
  }
  return kind.noun === 'network' ? checkNadNamespaces(plan, map as NetworkMap) : [];
};

const keyOf = (ref: MapRef): string =>
  ref.type === POD_NETWORK_KEY ? POD_NETWORK_KEY : (ref.id ?? '');

const resolvedSources = <Entry extends { source?: MapRef }>(
  entries: readonly Entry[],
  collection: string | undefined,
  sourceType: string,
  inventory: ProviderInventory,
): [string, Entry][] => {
  const items = (collection ? inventory.list(collection, { detail: 1 }) : undefined) ?? [];
  return entries.flatMap((entry) => {
    const resolution = resolveSourceRef(entry.source, items as InventoryItem[], sourceType);
    return resolution.state === 'found' ? [[keyOf(resolution.ref), entry] as [string, Entry]] : [];
  });
};

/** Source network key → the destination types its entries send it to (several for VLAN splits). */
export const mappedNetworksOf = (
  map: NetworkMap | undefined,
  sourceType: string,
  inventory: ProviderInventory,
): Map<string, string[]> => {
  const mapped = new Map<string, string[]>();
  for (const [key, entry] of resolvedSources(
    map?.spec?.map ?? [],
    NETWORK_MAP.sourceCollections[sourceType],
    sourceType,
    inventory,
  )) {
    mapped.set(key, [...(mapped.get(key) ?? []), entry.destination?.type ?? '']);
  }
  return mapped;
};

export const mappedStorageOf = (
  map: StorageMap | undefined,
  sourceType: string,
  inventory: ProviderInventory,
): Set<string> => {
  const collection = STORAGE_MAP.sourceCollections[sourceType];
  return new Set(
    resolvedSources(map?.spec?.map ?? [], collection, sourceType, inventory).map(([key]) => key),
  );
};
