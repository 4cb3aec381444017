// What the map forms offer, from Forklift's inventory shapes: the source provider's networks and
// storages (vSphere, OVA, OpenShift), which of them its VMs use, and the target cluster's NADs and
// storage classes (OpenShift inventory, items `OpenshiftResource`).
import { DEFAULT_STORAGE_CLASS_ANNOTATION, type OpenshiftResource } from '@forklift-console/api';

/** A map entry's `source` as Forklift resolves it: by id, else by name (and namespace). */
export type SourceRef = { id?: string; name?: string; namespace?: string; type?: string };

/** One thing a row can map from; `key` is unique among the options and stable across reloads. */
export type SourceOption = { key: string; label: string; ref: SourceRef };

type Named = { id?: string; name?: string };

/** vSphere networks and datastores, OVA networks and storages: id and name. */
export const optionsFromResources = (items: readonly Named[]): SourceOption[] =>
  items.map((item) => ({
    key: item.id ?? item.name ?? '',
    label: item.name ?? item.id ?? '',
    ref: { id: item.id, name: item.name },
  }));

/** An OpenShift source's networks: its pod network and its NADs, named `namespace/name`. */
export const openshiftNetworkOptions = (nads: readonly OpenshiftResource[]): SourceOption[] => [
  { key: 'pod', label: 'Pod network', ref: { type: 'pod' } },
  ...nads.map((nad) => ({
    key: `${nad.namespace}/${nad.name}`,
    label: `${nad.namespace}/${nad.name}`,
    ref: { namespace: nad.namespace, name: nad.name },
  })),
];

/** An OpenShift source's storages: its storage classes, by name. */
export const openshiftStorageOptions = (classes: readonly OpenshiftResource[]): SourceOption[] =>
  classes.map((storageClass) => ({
    key: storageClass.name,
    label: storageClass.name,
    ref: { name: storageClass.name },
  }));

/** The parts of a vSphere VM (`id`, `datastore`) or an OVA VM (PascalCase `ID`) the forms read. */
export type VmUsage = {
  networks?: readonly { id?: string; ID?: string }[] | null;
  disks?: readonly { ID?: string; datastore?: { id?: string } }[];
};

const unique = (ids: readonly (string | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => Boolean(id))),
];

/** The ids of the networks the VMs have NICs on, in the order first met. */
export const networksUsedByVms = (type: string | undefined, vms: readonly VmUsage[]): string[] =>
  unique(
    vms.flatMap((vm) =>
      (vm.networks ?? []).map((network) => (type === 'ova' ? network.ID : network.id)),
    ),
  );

/** The ids of the datastores (vSphere) or storages (OVA: one per disk) the VMs' disks are on. */
export const storagesUsedByVms = (type: string | undefined, vms: readonly VmUsage[]): string[] =>
  unique(
    vms.flatMap((vm) =>
      (vm.disks ?? []).map((disk) => (type === 'ova' ? disk.ID : disk.datastore?.id)),
    ),
  );

/** A NAD a row can map to. */
export type TargetNetwork = { namespace: string; name: string };

export const targetNetworks = (nads: readonly OpenshiftResource[]): TargetNetwork[] =>
  nads
    .map(({ namespace, name }) => ({ namespace, name }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));

/** A storage class a row can map to, and whether the cluster marks it as its default. */
export type TargetStorageClass = { name: string; isDefault: boolean };

export const targetStorageClasses = (
  classes: readonly OpenshiftResource<{ metadata?: { annotations?: Record<string, string> } }>[],
): TargetStorageClass[] =>
  classes.map((storageClass) => ({
    name: storageClass.name,
    isDefault:
      storageClass.object?.metadata?.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true',
  }));

type Read = { isLoading: boolean; error: Error | null };

/**
 * Whether Suggest mappings can run: both providers chosen, a source whose VMs' usage the
 * inventory reports, and that usage, the sources and the targets read without error. A source
 * list that failed still lets it run: a used source it lacks is named by its id.
 */
export const canSuggestMappings = ({
  hasProviders,
  usage,
  sources,
  targets,
}: {
  hasProviders: boolean;
  usage: Read & { isSupported: boolean };
  sources: Read;
  targets: Read;
}): boolean =>
  hasProviders &&
  usage.isSupported &&
  !usage.isLoading &&
  !sources.isLoading &&
  !targets.isLoading &&
  !usage.error &&
  !targets.error;

/** The options for the sources the VMs use; one the inventory does not list is named by its id. */
export const usedSourceOptions = (
  ids: readonly string[],
  options: readonly SourceOption[],
): SourceOption[] =>
  ids.map(
    (id) => options.find((option) => option.ref.id === id) ?? { key: id, label: id, ref: { id } },
  );
