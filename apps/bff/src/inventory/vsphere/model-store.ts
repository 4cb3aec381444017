// The vSphere inventory in Forklift's shape, kept up to date from the collector's changes. Each
// update rebuilds only the objects it touches and the VMs whose validation depends on them (their
// host, its cluster, VMs sharing a disk file), so a change costs the same with 10 or 10,000 VMs.
// Models are frozen and replaced, never changed: an unchanged object keeps its identity, which
// lets callers cache projections and serialized JSON per object.
import type { Concern } from '@forklift-console/api';
import type { CachedObject, CollectorChange } from './collector.ts';
import type { ManagedObjectReference } from '@forklift-console/vsphere';
import { COLLECTION_OF_TYPE, resourceOf, type Lookup, type Resource } from './resource.ts';
import { idOf, str } from './values.ts';
import { toVsphereVm, type VsphereVm, type VsphereVmBase } from './vm-model.ts';
import { toVsphereHost, type VsphereHost } from './host-model.ts';
import { STANDALONE_VARIANT, toVsphereCluster, type VsphereCluster } from './cluster-model.ts';
import { toVsphereDatacenter, toVsphereFolder } from './folder-model.ts';
import { networkVariantOf, toVsphereNetwork } from './network-model.ts';
import { toVsphereDatastore } from './datastore-model.ts';
import {
  validateVsphereWorkload,
  VSPHERE_RULES_VERSION,
  type VsphereWorkload,
} from '../../validation/vsphere.ts';

export const VSPHERE_COLLECTIONS = [
  'vms',
  'hosts',
  'clusters',
  'datacenters',
  'folders',
  'networks',
  'datastores',
] as const;

/** Types whose name or place is part of other objects' paths. */
const CONTAINER_TYPES = new Set([
  'Folder',
  'Datacenter',
  'ComputeResource',
  'ClusterComputeResource',
]);

const keyOf = (ref: ManagedObjectReference) => `${ref.type}:${ref.value}`;

const sameRef = (a: unknown, b: unknown) => {
  const left = a as ManagedObjectReference | undefined;
  const right = b as ManagedObjectReference | undefined;
  return left?.type === right?.type && left?.value === right?.value;
};

const addTo = (index: Map<string, Set<string>>, key: string, id: string) => {
  if (!key) return;
  const members = index.get(key);
  if (members) members.add(id);
  else index.set(key, new Set([id]));
};

const removeFrom = (index: Map<string, Set<string>>, key: string, id: string) => {
  const members = index.get(key);
  members?.delete(id);
  if (members?.size === 0) index.delete(key);
};

const diskFiles = (vm: VsphereVmBase | undefined): string[] =>
  (vm?.disks ?? []).map((disk) => disk.file).filter(Boolean);

/** What Forklift's validation reports when it cannot build a VM's workload. */
const workloadErrorConcern = (vm: VsphereVmBase): Concern => {
  const message = `For VM '${vm.id}', host id '${vm.host}' not found - probably due to permissions issue`;
  return { id: '', label: message, category: 'Critical', assessment: message };
};

const sameConcerns = (a: Concern[], b: Concern[]) =>
  a.length === b.length &&
  a.every(
    (concern, index) =>
      concern.id === b[index]!.id &&
      concern.label === b[index]!.label &&
      concern.category === b[index]!.category &&
      concern.assessment === b[index]!.assessment,
  );

export const createModelStore = (providerUid: string, lookup: Lookup) => {
  const context = { providerUid, lookup };
  /** What each cached object was last built from and into, by `type:moref`. */
  const built = new Map<string, { raw: CachedObject; collection: string; id: string }>();
  const collections = new Map<string, Map<string, Resource>>(
    VSPHERE_COLLECTIONS.map((collection) => [collection, new Map()]),
  );
  const vmBases = new Map<string, VsphereVmBase>();
  /** The base each served VM was validated from, to tell whether it needs rebuilding. */
  const validatedFrom = new WeakMap<VsphereVm, VsphereVmBase>();
  const vmsByHost = new Map<string, Set<string>>();
  const vmsByFile = new Map<string, Set<string>>();
  const hostsByCluster = new Map<string, Set<string>>();

  const models = (collection: string) => collections.get(collection)!;

  const buildModel = (raw: CachedObject): Resource => {
    const { type } = raw.ref;
    switch (type) {
      case 'VirtualMachine':
        return toVsphereVm(raw, resourceOf(raw, context), vmBases.get(raw.ref.value));
      case 'HostSystem':
        return toVsphereHost(raw, resourceOf(raw, context));
      case 'ClusterComputeResource':
        return toVsphereCluster(raw, resourceOf(raw, context));
      case 'ComputeResource':
        return toVsphereCluster(raw, resourceOf(raw, context, STANDALONE_VARIANT));
      case 'Datacenter':
        return toVsphereDatacenter(raw, resourceOf(raw, context));
      case 'Folder':
        return toVsphereFolder(raw, resourceOf(raw, context), lookup);
      case 'Datastore':
        return toVsphereDatastore(raw, resourceOf(raw, context));
      default:
        return toVsphereNetwork(raw, resourceOf(raw, context, networkVariantOf(type)));
    }
  };

  /** VMs whose validation reads this host: the VMs running on it. */
  const vmsOnHost = (hostId: string): string[] => [...(vmsByHost.get(hostId) ?? [])];

  const vmsInCluster = (clusterId: string): string[] =>
    [...(hostsByCluster.get(clusterId) ?? [])].flatMap(vmsOnHost);

  const diskPeers = (vm: VsphereVmBase | undefined): string[] =>
    diskFiles(vm).flatMap((file) => [...(vmsByFile.get(file) ?? [])]);

  /** Removes an object; returns the VMs to validate again. */
  const remove = (key: string, changed: Set<string>): string[] => {
    const entry = built.get(key);
    if (!entry) return [];
    built.delete(key);
    models(entry.collection).delete(entry.id);
    changed.add(entry.collection);
    if (entry.collection === 'vms') {
      const vm = vmBases.get(entry.id);
      vmBases.delete(entry.id);
      if (vm) {
        removeFrom(vmsByHost, vm.host, vm.id);
        for (const file of diskFiles(vm)) removeFrom(vmsByFile, file, vm.id);
      }
      // Its former disk-sharing peers may no longer share anything.
      return diskPeers(vm);
    }
    if (entry.collection === 'hosts') {
      const host = models('hosts').get(entry.id) as VsphereHost | undefined;
      if (host) removeFrom(hostsByCluster, host.cluster, host.id);
      return vmsOnHost(entry.id);
    }
    if (entry.collection === 'clusters') return vmsInCluster(entry.id);
    return [];
  };

  /** Builds an object's model; returns the VMs to validate again. */
  const upsert = (raw: CachedObject, changed: Set<string>): string[] => {
    const collection = COLLECTION_OF_TYPE[raw.ref.type];
    if (!collection) return [];
    const key = keyOf(raw.ref);
    const id = idOf(raw.ref);
    const model = buildModel(raw);
    built.set(key, { raw, collection, id });
    changed.add(collection);
    if (collection === 'vms') {
      const vm = model as VsphereVmBase;
      const previous = vmBases.get(id);
      if (previous) {
        removeFrom(vmsByHost, previous.host, id);
        for (const file of diskFiles(previous)) removeFrom(vmsByFile, file, id);
      }
      vmBases.set(id, vm);
      addTo(vmsByHost, vm.host, id);
      for (const file of diskFiles(vm)) addTo(vmsByFile, file, id);
      // The served VM is replaced once validated; peers of old and new disk files follow.
      return [id, ...diskPeers(previous), ...diskPeers(vm)];
    }
    if (collection === 'hosts') {
      const previous = models('hosts').get(id) as VsphereHost | undefined;
      if (previous) removeFrom(hostsByCluster, previous.cluster, id);
      addTo(hostsByCluster, (model as VsphereHost).cluster, id);
    }
    models(collection).set(id, Object.freeze(model));
    if (collection === 'hosts') return vmsOnHost(id);
    if (collection === 'clusters') return vmsInCluster(id);
    return [];
  };

  const validate = (id: string, changed: Set<string>) => {
    const base = vmBases.get(id);
    if (!base) return;
    const disks = base.disks.map((disk) => {
      const shared = disk.file !== '' && (vmsByFile.get(disk.file)?.size ?? 0) > 1;
      return shared === disk.shared ? disk : { ...disk, shared };
    });
    const host = models('hosts').get(base.host) as VsphereHost | undefined;
    const cluster = host
      ? (models('clusters').get(host.cluster) as VsphereCluster | undefined)
      : undefined;
    const concerns = host
      ? validateVsphereWorkload({
          ...base,
          disks,
          host: { ...host, cluster: cluster ?? null },
        } as VsphereWorkload)
      : [workloadErrorConcern(base)];
    const current = models('vms').get(id) as VsphereVm | undefined;
    if (
      current &&
      validatedFrom.get(current) === base &&
      current.disks.every((disk, index) => disk.shared === disks[index]!.shared) &&
      sameConcerns(current.concerns, concerns)
    ) {
      return;
    }
    const vm: VsphereVm = {
      ...base,
      disks,
      revisionValidated: base.revision,
      policyVersion: VSPHERE_RULES_VERSION,
      concerns,
    };
    validatedFrom.set(vm, base);
    models('vms').set(id, Object.freeze(vm));
    changed.add('vms');
  };

  /** Builds every model from scratch: the first load, a resync, or a container renamed. */
  const rebuild = (objects: CachedObject[]): Set<string> => {
    const changed = new Set<string>(VSPHERE_COLLECTIONS);
    built.clear();
    for (const collection of collections.values()) collection.clear();
    vmsByHost.clear();
    vmsByFile.clear();
    hostsByCluster.clear();
    // VM bases stay until their VM is rebuilt: guest info Forklift keeps comes from them.
    const present = new Set<string>();
    for (const raw of objects) {
      upsert(raw, changed);
      if (raw.ref.type === 'VirtualMachine') present.add(raw.ref.value);
    }
    for (const id of [...vmBases.keys()]) {
      if (!present.has(id)) vmBases.delete(id);
    }
    for (const id of vmBases.keys()) validate(id, changed);
    return changed;
  };

  const movesContainer = (change: CollectorChange) => {
    if (change.kind !== 'modify' || !CONTAINER_TYPES.has(change.object.ref.type)) return false;
    const before = built.get(keyOf(change.object.ref))?.raw.properties;
    const after = change.object.properties;
    return !before || str(before.name) !== str(after.name) || !sameRef(before.parent, after.parent);
  };

  return {
    /** Applies one batch of collector changes; returns the collections that changed. */
    apply(changes: CollectorChange[], allObjects: () => CachedObject[]): Set<string> {
      // A renamed or moved folder, datacenter or cluster changes the path of all below it.
      if (changes.some(movesContainer)) return rebuild(allObjects());
      const changed = new Set<string>();
      const revalidate = new Set<string>();
      for (const change of changes) {
        const vmIds =
          change.kind === 'leave'
            ? remove(keyOf(change.object.ref), changed)
            : upsert(change.object, changed);
        for (const id of vmIds) revalidate.add(id);
      }
      for (const id of revalidate) validate(id, changed);
      return changed;
    },
    rebuild,
    models: (collection: string): ReadonlyMap<string, Resource> | undefined =>
      collections.get(collection),
    vmsOnHost,
  };
};

export type ModelStore = ReturnType<typeof createModelStore>;
