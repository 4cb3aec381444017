// What the per-VM plan checks need of a source VM, read from its provider's inventory shape the
// way the migration reads it (engine/migrations/sources): the networks its NICs sit on, the
// storage its disks sit on, its MACs, concerns, host and CBT.
import type { Concern } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { idOf, objectsIn, text, type Json } from '../migrations/sources/inventory-json.ts';
import { openshiftSourceVm, POD_NETWORK } from '../migrations/sources/openshift-vm.ts';
import { ovaSourceVm } from '../migrations/sources/ova-vm.ts';
import { vsphereSourceVm } from '../migrations/sources/vsphere-vm.ts';

/** The key a source network is mapped by: its inventory id, or `pod` for OpenShift's pod network. */
export const POD_NETWORK_KEY = 'pod';

export type VmFacts = {
  id: string;
  name: string;
  namespace?: string;
  /** One entry per NIC: the key of the network it is on, and its MAC when known. */
  nics: { network: string; mac?: string }[];
  /** Keys of the storage its disks are on; undefined when the inventory cannot tell. */
  storage: string[] | undefined;
  concerns: readonly Concern[];
  /** vSphere: the ESXi host the VM runs on. */
  hostId?: string;
  /** vSphere: whether Changed Block Tracking is on, which warm migration needs. */
  changeTrackingEnabled?: boolean;
  /** vSphere: whether the VM already has snapshots. */
  hasSnapshot?: boolean;
};

const vsphereFacts = (vm: Json): VmFacts => {
  const source = vsphereSourceVm(vm);
  return {
    id: source.id,
    name: source.name,
    nics:
      source.nics.length > 0
        ? source.nics.map(({ network, mac }) => ({ network, mac }))
        : objectsIn(vm.networks).map((network) => ({ network: idOf(network) })),
    // A raw device mapping has no datastore: there is nothing to map.
    storage: source.disks.map((disk) => disk.storage).filter((id) => id !== ''),
    concerns: (vm.concerns as Concern[] | undefined) ?? [],
    hostId: source.hostId,
    changeTrackingEnabled: vm.changeTrackingEnabled === true,
    hasSnapshot: idOf(vm.snapshot) !== '',
  };
};

const ovaFacts = (vm: Json, inventory: ProviderInventory): VmFacts => {
  const source = ovaSourceVm(vm, inventory.shareDir);
  return {
    id: source.id,
    name: source.name,
    nics:
      source.nics.length > 0
        ? source.nics.map(({ network, mac }) => ({ network, mac }))
        : objectsIn(vm.networks).map((network) => ({ network: text(network.ID) })),
    storage: source.disks.map((disk) => disk.storage),
    concerns: (vm.concerns as Concern[] | undefined) ?? [],
  };
};

type Named = { id: string; name: string; namespace?: string };

/**
 * The source VM keys NADs by `namespace/name` and storage by StorageClass name, as Forklift's
 * builder applies the maps; the map's resolved references, which the plan checks compare
 * against, are the inventory ids.
 */
const openshiftFacts = (vm: Json, inventory: ProviderInventory): VmFacts => {
  const source = openshiftSourceVm(vm, inventory);
  const nads = (inventory.list('networkattachmentdefinitions', { detail: 0 }) ?? []) as Named[];
  const storageClasses = (inventory.list('storageclasses', { detail: 0 }) ?? []) as Named[];
  return {
    id: source.id,
    name: source.name,
    namespace: source.namespace,
    nics: source.nics.map(({ network, mac }) => ({
      network:
        network === POD_NETWORK
          ? POD_NETWORK_KEY
          : (nads.find((nad) => `${nad.namespace}/${nad.name}` === network)?.id ?? ''),
      mac,
    })),
    storage: source.disks.map(
      (disk) => storageClasses.find((storageClass) => storageClass.name === disk.storage)?.id ?? '',
    ),
    concerns: [],
  };
};

/** The facts of an inventory VM (as `list('vms', { detail: 2 })` serves it) of a provider type. */
export const vmFactsOf = (
  providerType: string,
  vm: unknown,
  inventory: ProviderInventory,
): VmFacts => {
  const json = (vm ?? {}) as Json;
  switch (providerType) {
    case 'vsphere':
      return vsphereFacts(json);
    case 'ova':
      return ovaFacts(json, inventory);
    case 'openshift':
      return openshiftFacts(json, inventory);
    default:
      return {
        id: text(json.id),
        name: text(json.name),
        nics: [],
        storage: undefined,
        concerns: (json.concerns as Concern[] | undefined) ?? [],
      };
  }
};
