// Everything the inventory reads from vSphere, per managed object type: one property filter
// covers the whole inventory (reference inventory.md §2.2).
import type { PropertyRequest } from './property-collector.ts';
import { vmProperties } from './vm-model.ts';
import { HOST_PROPERTIES } from './host-model.ts';
import { CLUSTER_PROPERTIES, COMPUTE_RESOURCE_PROPERTIES } from './cluster-model.ts';
import { DATACENTER_PROPERTIES, FOLDER_PROPERTIES } from './folder-model.ts';
import { NETWORK_PROPERTIES } from './network-model.ts';
import { DATASTORE_PROPERTIES } from './datastore-model.ts';

/** @param apiVersion the server's vim25 version: newer ones have more VM properties */
export const vspherePropertyRequests = (apiVersion: string): PropertyRequest[] => [
  { type: 'Folder', paths: [...FOLDER_PROPERTIES] },
  { type: 'Datacenter', paths: [...DATACENTER_PROPERTIES] },
  // A property set applies to subtypes too: clusters get both sets.
  { type: 'ComputeResource', paths: [...COMPUTE_RESOURCE_PROPERTIES] },
  { type: 'ClusterComputeResource', paths: [...CLUSTER_PROPERTIES] },
  { type: 'HostSystem', paths: [...HOST_PROPERTIES] },
  ...Object.entries(NETWORK_PROPERTIES).map(([type, paths]) => ({ type, paths: [...paths] })),
  { type: 'Datastore', paths: [...DATASTORE_PROPERTIES] },
  { type: 'VirtualMachine', paths: vmProperties(apiVersion) },
];
