// The `destination` of each map entry against the destination cluster's inventory (reference
// engine.md §1.7): a multus network needs a namespace, a name and that NetworkAttachmentDefinition;
// the pod network and `ignored` need nothing; a storage class must exist. Both are Critical.
import type { NetworkMapSpec, StorageMapSpec } from '@forklift-console/api';
import type { ConditionInput } from '../conditions.ts';
import type { InventoryItem } from './source-refs.ts';

type NetworkDestination = NetworkMapSpec['map'][number]['destination'];
type StorageDestination = StorageMapSpec['map'][number]['destination'];

const notValid = (
  type: string,
  reason: 'NotSet' | 'NotFound',
  sentences: (string | false)[],
  items: string[],
): ConditionInput => ({
  type,
  category: 'Critical',
  reason,
  message: sentences.filter(Boolean).join(' '),
  items,
});

export const checkNetworkDestinations = (
  destinations: readonly (NetworkDestination | undefined)[],
  nads: readonly InventoryItem[],
  providerLabel: string,
): ConditionInput | undefined => {
  const incomplete: string[] = [];
  const missing: string[] = [];
  destinations.forEach((destination, index) => {
    if (destination?.type !== 'multus') return;
    const { namespace, name } = destination;
    if (!namespace || !name) {
      incomplete.push(`map[${index}]`);
      return;
    }
    const found = nads.some((nad) => nad.namespace === namespace && nad.name === name);
    if (!found) missing.push(`${namespace}/${name}`);
  });
  if (incomplete.length === 0 && missing.length === 0) return undefined;
  return notValid(
    'DestinationNetworkNotValid',
    incomplete.length > 0 ? 'NotSet' : 'NotFound',
    [
      incomplete.length > 0 &&
        `Entries ${incomplete.join(', ')} map to a multus network without a namespace and a name.`,
      missing.length > 0 &&
        `Provider ${providerLabel} has no network attachment definition ${missing.join(', ')}.`,
    ],
    [...incomplete, ...missing],
  );
};

export const checkStorageDestinations = (
  destinations: readonly (StorageDestination | undefined)[],
  storageClasses: readonly InventoryItem[],
  providerLabel: string,
): ConditionInput | undefined => {
  const unset: string[] = [];
  const missing = new Set<string>();
  destinations.forEach((destination, index) => {
    const storageClass = destination?.storageClass;
    if (!storageClass) unset.push(`map[${index}]`);
    else if (!storageClasses.some((candidate) => candidate.name === storageClass)) {
      missing.add(storageClass);
    }
  });
  if (unset.length === 0 && missing.size === 0) return undefined;
  return notValid(
    'DestinationStorageNotValid',
    unset.length > 0 ? 'NotSet' : 'NotFound',
    [
      unset.length > 0 && `Entries ${unset.join(', ')} name no storage class.`,
      missing.size > 0 &&
        `Provider ${providerLabel} has no storage class ${[...missing].join(', ')}.`,
    ],
    [...unset, ...missing],
  );
};
