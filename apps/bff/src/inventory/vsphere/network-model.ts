// Networks in Forklift's inventory shape (reference inventory.md §1.4 "Network"): standard
// networks, distributed portgroups, opaque (NSX) networks and the distributed switches
// themselves, told apart by `variant`.
import type { Ref } from '@forklift-console/api';
import type { RetrievedObject } from './property-collector.ts';
import type { Resource } from './resource.ts';
import { rec, records, refOf, str } from './values.ts';

/** Every network type's properties, by the vSphere type they are asked of. */
export const NETWORK_PROPERTIES: Record<string, readonly string[]> = {
  Network: ['name', 'parent', 'tag'],
  DistributedVirtualPortgroup: [
    'key',
    'config.distributedVirtualSwitch',
    'config.defaultPortConfig',
  ],
  OpaqueNetwork: ['summary'],
  // VmwareDistributedVirtualSwitch is a subtype: the view and the property set cover it.
  DistributedVirtualSwitch: ['name', 'parent', 'config.host'],
};

export type NetworkVariant = 'Standard' | 'DvPortGroup' | 'OpaqueNetwork' | 'DvSwitch';

export type VsphereNetwork = Resource & {
  tag?: string;
  dvSwitch?: Ref;
  key?: string;
  vlanId?: string;
  host?: { Host: Ref; PNIC: string[] }[];
};

export const networkVariantOf = (type: string): NetworkVariant => {
  if (type === 'DistributedVirtualPortgroup') return 'DvPortGroup';
  if (type === 'OpaqueNetwork') return 'OpaqueNetwork';
  if (type === 'DistributedVirtualSwitch' || type === 'VmwareDistributedVirtualSwitch') {
    return 'DvSwitch';
  }
  return 'Standard';
};

/** A VLAN ID, trunk ranges (`1-10,20-30`) or private VLAN ID, as text. */
const vlanIdOf = (portConfig: unknown): string => {
  const vlan = rec(rec(portConfig).vlan);
  if (str(vlan._type).endsWith('TrunkVlanSpec')) {
    return records(vlan.vlanId)
      .map((range) => `${str(range.start)}-${str(range.end)}`)
      .join(',');
  }
  if (str(vlan._type).endsWith('PvlanSpec')) return str(vlan.pvlanId);
  return str(vlan.vlanId);
};

export const toVsphereNetwork = (
  { ref, properties }: RetrievedObject,
  resource: Resource,
): VsphereNetwork => {
  switch (networkVariantOf(ref.type)) {
    case 'DvPortGroup':
      return {
        ...resource,
        dvSwitch: refOf(properties['config.distributedVirtualSwitch']),
        key: str(properties.key),
        vlanId: vlanIdOf(properties['config.defaultPortConfig']),
      };
    case 'OpaqueNetwork':
      return { ...resource, key: str(rec(properties.summary).opaqueNetworkId) };
    case 'DvSwitch':
      return {
        ...resource,
        host: records(properties['config.host']).map((member) => {
          const config = rec(member.config);
          return {
            Host: refOf(config.host),
            PNIC: records(rec(config.backing).pnicSpec).map((pnic) => str(pnic.pnicDevice)),
          };
        }),
      };
    case 'Standard':
      return { ...resource, tag: str(records(properties.tag)[0]?.key) };
  }
};
