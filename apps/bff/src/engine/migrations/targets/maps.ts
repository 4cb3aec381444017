// Which map entry a disk or NIC goes by (reference engine.md §8.4). A disk's or NIC's key is its
// source's inventory id (OpenShift: `pod`, `ns/nad`, a StorageClass name). An entry names its
// source by id, or by name, which the map controller resolved into `status.references` (id and
// name); OpenShift entries may also name the network or StorageClass itself.
import type { NetworkMap, StorageMap } from '@forklift-console/api';
import type { SourceVm } from '../source-vm.ts';

type SourceRef = { id?: string; name?: string; namespace?: string; type?: string };
type Entry = { source: SourceRef };

/**
 * Whether a resolved reference is the object an entry names. An inventory path (`/DC0/network/VM
 * Network`) ends with the name; validation has already refused a path that matched nothing.
 */
const sameRef = (reference: SourceRef, source: SourceRef) => {
  const name = source.name ?? '';
  const named = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return (
    (reference.name ?? '') === named && (reference.namespace ?? '') === (source.namespace ?? '')
  );
};

const openshiftKey = (ref: SourceRef): string | undefined => {
  if (ref.type === 'pod') return 'pod';
  if (!ref.name) return undefined;
  return ref.namespace && !ref.name.includes('/') ? `${ref.namespace}/${ref.name}` : ref.name;
};

const entriesFor = <E extends Entry>(
  entries: readonly E[],
  references: readonly SourceRef[],
  key: string,
  providerType: SourceVm['providerType'],
): E[] =>
  entries.filter(({ source }) => {
    if (source.id) return source.id === key;
    if (providerType === 'openshift' && openshiftKey(source) === key) return true;
    return references.some((ref) => ref.id === key && sameRef(ref, source));
  });

export type StorageEntry = NonNullable<StorageMap['spec']>['map'][number];
export type NetworkEntry = NonNullable<NetworkMap['spec']>['map'][number];

/** The storage map's entry for the disk's storage, or undefined: the disk is not migrated. */
export const storageEntryFor = (
  map: StorageMap,
  storageKey: string,
  providerType: SourceVm['providerType'],
): StorageEntry | undefined =>
  entriesFor(map.spec?.map ?? [], map.status?.references ?? [], storageKey, providerType)[0];

/** Every network map entry for a source network, in the map's order. */
export const networkEntriesFor = (
  map: NetworkMap,
  networkKey: string,
  providerType: SourceVm['providerType'],
): NetworkEntry[] =>
  entriesFor(map.spec?.map ?? [], map.status?.references ?? [], networkKey, providerType);

type Destination = NetworkEntry['destination'];

/**
 * The destination of each NIC by its source network key, in order (undefined: the NIC is left
 * out). A non-multus entry wins; otherwise each NIC on a source network takes the next multus
 * network not yet used on this VM, so N NICs on one network can reach N networks; a lone entry is
 * reused.
 */
export const destinationsFor = (
  map: NetworkMap,
  networkKeys: readonly string[],
  providerType: SourceVm['providerType'],
): (Destination | undefined)[] => {
  const used = new Set<NetworkEntry>();
  return networkKeys.map((key) => {
    const entries = networkEntriesFor(map, key, providerType);
    const chosen =
      entries.find((entry) => entry.destination.type !== 'multus') ??
      entries.find((entry) => !used.has(entry)) ??
      entries[0];
    if (!chosen || chosen.destination.type === 'ignored') return undefined;
    used.add(chosen);
    return chosen.destination;
  });
};

/** A multus destination as KubeVirt names it: `namespace/name`. */
export const multusNetworkName = (destination: Destination): string =>
  destination.namespace
    ? `${destination.namespace}/${destination.name ?? ''}`
    : (destination.name ?? '');
