// What the per-VM plan checks need of a source VM, read from its provider's inventory shape
// (vSphere and OVA: inventory.md §1.4 and §1.8; OpenShift: the VirtualMachine object itself):
// the networks its NICs sit on, the storage its disks sit on, its MACs, concerns, host and CBT.
import type { Concern } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';

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

type Json = Record<string, unknown>;

const objectsIn = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.filter((item): item is Json => typeof item === 'object' && !!item)
    : [];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const idOf = (ref: unknown): string => text((ref as Json | undefined)?.id);

const vsphereFacts = (vm: Json): VmFacts => {
  const nics = objectsIn(vm.nics).map((nic) => ({
    network: idOf(nic.network),
    mac: text(nic.mac),
  }));
  return {
    id: text(vm.id),
    name: text(vm.name),
    nics:
      nics.length > 0
        ? nics
        : objectsIn(vm.networks).map((network) => ({ network: idOf(network) })),
    // A raw device mapping has no datastore: there is nothing to map.
    storage: objectsIn(vm.disks)
      .map((disk) => idOf(disk.datastore))
      .filter((id) => id !== ''),
    concerns: (vm.concerns as Concern[] | undefined) ?? [],
    hostId: text(vm.host) || undefined,
    changeTrackingEnabled: vm.changeTrackingEnabled === true,
    hasSnapshot: idOf(vm.snapshot) !== '',
  };
};

const ovaFacts = (vm: Json): VmFacts => {
  const networkIds = new Map(
    objectsIn(vm.networks).map((network) => [text(network.Name), text(network.ID)]),
  );
  const nics = objectsIn(vm.nics).map((nic) => ({
    network: networkIds.get(text(nic.Network)) ?? '',
    mac: text(nic.MAC),
  }));
  return {
    id: text(vm.id),
    name: text(vm.name),
    nics:
      nics.length > 0
        ? nics
        : objectsIn(vm.networks).map((network) => ({ network: text(network.ID) })),
    // Forklift's OVA storage map has one storage per disk, with the disk's id.
    storage: objectsIn(vm.disks).map((disk) => text(disk.ID)),
    concerns: (vm.concerns as Concern[] | undefined) ?? [],
  };
};

/** `ns/name` or a bare name (the VM's namespace) of a NAD, as KubeVirt's multus networkName. */
const nadLocation = (networkName: string, vmNamespace: string) => {
  const slash = networkName.indexOf('/');
  return slash < 0
    ? { namespace: vmNamespace, name: networkName }
    : { namespace: networkName.slice(0, slash), name: networkName.slice(slash + 1) };
};

type Named = { id: string; name: string; namespace?: string; object?: Json };

const openshiftFacts = (vm: Json, inventory: ProviderInventory): VmFacts => {
  const namespace = text(vm.namespace);
  const template = ((vm.object as Json | undefined)?.spec as Json | undefined)?.template as
    Json | undefined;
  const podSpec = (template?.spec as Json | undefined) ?? {};
  const nads = (inventory.list('networkattachmentdefinitions', { detail: 0 }) ?? []) as Named[];
  const interfaces = objectsIn(((podSpec.domain as Json | undefined)?.devices as Json)?.interfaces);
  const nics = objectsIn(podSpec.networks).map((network) => {
    const mac = text(interfaces.find((candidate) => candidate.name === network.name)?.macAddress);
    if (network.pod) return { network: POD_NETWORK_KEY, mac };
    const location = nadLocation(
      text((network.multus as Json | undefined)?.networkName),
      namespace,
    );
    const nad = nads.find(
      (candidate) => candidate.namespace === location.namespace && candidate.name === location.name,
    );
    return { network: nad?.id ?? '', mac };
  });
  // A DataVolume's PVC has the DataVolume's name, so both kinds of volume lead to a claim.
  const claims = (inventory.list('persistentvolumeclaims', { detail: 1 }) ?? []) as Named[];
  const storageClasses = (inventory.list('storageclasses', { detail: 0 }) ?? []) as Named[];
  const storage = objectsIn(podSpec.volumes).flatMap((volume) => {
    const claimName =
      text((volume.persistentVolumeClaim as Json | undefined)?.claimName) ||
      text((volume.dataVolume as Json | undefined)?.name);
    if (!claimName) return [];
    const claim = claims.find((pvc) => pvc.namespace === namespace && pvc.name === claimName);
    const className = text((claim?.object?.spec as Json | undefined)?.storageClassName);
    return [storageClasses.find((storageClass) => storageClass.name === className)?.id ?? ''];
  });
  return { id: text(vm.id), name: text(vm.name), namespace, nics, storage, concerns: [] };
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
      return ovaFacts(json);
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
