// Folders and datacenters in Forklift's inventory shape (reference inventory.md §1.4 "Folder",
// "Datacenter").
import type { Ref } from '@forklift-console/api';
import type { ManagedObjectReference } from '@forklift-console/vsphere';
import type { RetrievedObject } from './property-collector.ts';
import type { Lookup, Resource } from './resource.ts';
import { refOf, refsOf } from './values.ts';

export const FOLDER_PROPERTIES: readonly string[] = ['name', 'parent', 'childEntity'];

export const DATACENTER_PROPERTIES: readonly string[] = [
  'name',
  'parent',
  'vmFolder',
  'hostFolder',
  'networkFolder',
  'datastoreFolder',
];

export type VsphereFolder = Resource & { folder: string; datacenter: string; children: Ref[] };

export type VsphereDatacenter = Resource & {
  datastores: Ref;
  networks: Ref;
  clusters: Ref;
  vms: Ref;
};

const MAX_DEPTH = 64;

/** The datacenter a folder belongs to, or '' for folders above every datacenter. */
const datacenterOf = (object: RetrievedObject, lookup: Lookup): string => {
  let parentRef = object.properties.parent as ManagedObjectReference | undefined;
  for (let depth = 0; parentRef?.type && depth < MAX_DEPTH; depth += 1) {
    if (parentRef.type === 'Datacenter') return parentRef.value;
    parentRef = lookup(parentRef)?.properties.parent as ManagedObjectReference | undefined;
  }
  return '';
};

export const toVsphereFolder = (
  object: RetrievedObject,
  resource: Resource,
  lookup: Lookup,
): VsphereFolder => ({
  ...resource,
  // A datacenter's top folders (vm, host, …) have the datacenter, not a folder, as parent.
  folder: resource.parent.kind === 'Folder' ? resource.parent.id : '',
  datacenter: datacenterOf(object, lookup),
  children: refsOf(object.properties.childEntity),
});

export const toVsphereDatacenter = (
  { properties }: RetrievedObject,
  resource: Resource,
): VsphereDatacenter => ({
  ...resource,
  datastores: refOf(properties.datastoreFolder),
  networks: refOf(properties.networkFolder),
  clusters: refOf(properties.hostFolder),
  vms: refOf(properties.vmFolder),
});
