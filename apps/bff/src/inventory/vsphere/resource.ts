// The fields every vSphere inventory object starts with (reference inventory.md §1.4 "Common
// Resource"): id, parent, the inventory path, revision, name and selfLink.
import type { Ref } from '@forklift-console/api';
import type { ManagedObjectReference } from '@forklift-console/vsphere';
import type { CachedObject } from './collector.ts';
import { idOf, refOf, str } from './values.ts';

export type Resource = {
  id: string;
  variant?: string;
  parent: Ref;
  path: string;
  revision: number;
  name: string;
  selfLink: string;
};

/** Finds a cached object by reference; how models reach their parents and peers. */
export type Lookup = (ref: ManagedObjectReference) => CachedObject | undefined;

/** Which collection each vSphere type is served under. */
export const COLLECTION_OF_TYPE: Record<string, string> = {
  Folder: 'folders',
  Datacenter: 'datacenters',
  ClusterComputeResource: 'clusters',
  ComputeResource: 'clusters',
  HostSystem: 'hosts',
  Network: 'networks',
  DistributedVirtualPortgroup: 'networks',
  OpaqueNetwork: 'networks',
  DistributedVirtualSwitch: 'networks',
  VmwareDistributedVirtualSwitch: 'networks',
  Datastore: 'datastores',
  VirtualMachine: 'vms',
};

/** Deeper than any real inventory; stops a parent cycle (which vCenter never sends) from hanging. */
const MAX_DEPTH = 64;

/**
 * `/<Datacenter>/<folder…>/<name>`: the names up the parent chain, stopping at the root folder
 * (a folder without a parent, which the container view does not even return).
 */
export const pathOf = (object: CachedObject, lookup: Lookup): string => {
  const names = [str(object.properties.name)];
  let parentRef = object.properties.parent as ManagedObjectReference | undefined;
  for (let depth = 0; parentRef?.type && depth < MAX_DEPTH; depth += 1) {
    const parent = lookup(parentRef);
    if (!parent || (parent.ref.type === 'Folder' && !parent.properties.parent)) break;
    names.unshift(str(parent.properties.name));
    parentRef = parent.properties.parent as ManagedObjectReference | undefined;
  }
  return `/${names.join('/')}`;
};

export const selfLinkOf = (providerUid: string, collection: string, id: string) =>
  `providers/vsphere/${providerUid}/${collection}/${id}`;

export const resourceOf = (
  object: CachedObject,
  context: { providerUid: string; lookup: Lookup },
  variant?: string,
): Resource => {
  const id = idOf(object.ref);
  return {
    id,
    ...(variant ? { variant } : {}),
    parent: refOf(object.properties.parent),
    path: pathOf(object, context.lookup),
    revision: object.revision,
    name: str(object.properties.name),
    selfLink: selfLinkOf(context.providerUid, COLLECTION_OF_TYPE[object.ref.type] ?? '', id),
  };
};

/** The detail-0 form of any object: its Resource fields only. */
export const resourceFieldsOf = (object: Resource): Resource => {
  const { id, variant, parent, path, revision, name, selfLink } = object;
  return {
    id,
    ...(variant ? { variant } : {}),
    parent,
    path,
    revision,
    name,
    selfLink,
  };
};
