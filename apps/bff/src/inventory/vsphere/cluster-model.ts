// Clusters and standalone hosts' compute resources in Forklift's inventory shape (reference
// inventory.md §1.4 "Cluster"). Both live in the `clusters` collection; a standalone
// ComputeResource carries variant "ComputeResource" and is left out of the list.
import type { Ref } from '@forklift-console/api';
import type { RetrievedObject } from './property-collector.ts';
import type { Resource } from './resource.ts';
import { bool, rec, records, refOf, refsOf, str } from './values.ts';

export const COMPUTE_RESOURCE_PROPERTIES: readonly string[] = [
  'name',
  'parent',
  'host',
  'network',
  'datastore',
];

export const CLUSTER_PROPERTIES: readonly string[] = [
  ...COMPUTE_RESOURCE_PROPERTIES,
  'configurationEx',
];

export const STANDALONE_VARIANT = 'ComputeResource';

export type VsphereCluster = Resource & {
  folder: string;
  networks: Ref[];
  datastores: Ref[];
  hosts: Ref[];
  dasEnabled: boolean;
  dasVms: Ref[];
  drsEnabled: boolean;
  drsBehavior: string;
  drsVms: Ref[];
};

export const toVsphereCluster = (
  { properties }: RetrievedObject,
  resource: Resource,
): VsphereCluster => {
  const configuration = rec(properties.configurationEx);
  const vmsOf = (vmConfigs: unknown) => records(vmConfigs).map((config) => refOf(config.key));
  return {
    ...resource,
    folder: resource.parent.id,
    networks: refsOf(properties.network),
    datastores: refsOf(properties.datastore),
    hosts: refsOf(properties.host),
    dasEnabled: bool(rec(configuration.dasConfig).enabled),
    dasVms: vmsOf(configuration.dasVmConfig),
    drsEnabled: bool(rec(configuration.drsConfig).enabled),
    drsBehavior: str(rec(configuration.drsConfig).defaultVmBehavior),
    // Forklift copies dasVms here (a bug); these are the VMs with their own DRS settings.
    drsVms: vmsOf(configuration.drsVmConfig),
  };
};
