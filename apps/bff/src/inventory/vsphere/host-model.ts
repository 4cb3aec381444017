// An ESXi host in Forklift's inventory shape (reference inventory.md §1.4 "Host"), including its
// networking and the `networkAdapters` the console offers for the migration network.
import type { NetworkAdapter, Ref } from '@forklift-console/api';
import type { RetrievedObject } from './property-collector.ts';
import type { Resource } from './resource.ts';
import { bool, list, num, rec, records, refsOf, str, type Fields } from './values.ts';

export const HOST_PROPERTIES: readonly string[] = [
  'name',
  'parent',
  'overallStatus',
  'runtime.inMaintenanceMode',
  'summary.managementServerIp',
  'summary.config.sslThumbprint',
  'summary.hardware.numCpuPkgs',
  'summary.hardware.numCpuCores',
  'summary.hardware.memorySize',
  'config.dateTimeInfo.timeZone.name',
  'config.product.name',
  'config.product.version',
  'config.network.pnic',
  'config.network.vnic',
  'config.network.portgroup',
  'config.network.vswitch',
  'config.network.proxySwitch',
  'config.storageDevice.scsiLun',
  'capability.vmotionSupported',
  'capability.storageVMotionSupported',
  'network',
  'datastore',
];

export type HostNetworking = {
  pNICs: { key: string; linkSpeed: number }[];
  vNICs: {
    key: string;
    device: string;
    portGroup: string;
    dPortGroup: string;
    ipAddress: string;
    ipV6Address: string[];
    subnetMask: string;
    mtu: number;
  }[];
  portGroups: { key: string; name: string; vSwitch: string; vlanId: number }[];
  switches: { key: string; name: string; portGroups: string[]; pNICs: string[] }[];
};

export type VsphereHost = Resource & {
  cluster: string;
  status: string;
  inMaintenance: boolean;
  managementServerIp: string;
  thumbprint: string;
  timezone: string;
  cpuSockets: number;
  cpuCores: number;
  memoryBytes: number;
  productName: string;
  productVersion: string;
  networking: HostNetworking;
  networks: Ref[];
  datastores: Ref[];
  /** Never filled by Forklift either; kept for the shape. */
  vms: null;
  networkAdapters: NetworkAdapter[];
  hostScsiDisks: { canonicalName: string; vendor: string; model: string; key: string }[];
  vmotionSupported: boolean;
  storageVmotionSupported: boolean;
};

const networkingOf = (properties: Fields): HostNetworking => ({
  pNICs: records(properties['config.network.pnic']).map((pnic) => ({
    key: str(pnic.key),
    linkSpeed: num(rec(pnic.linkSpeed).speedMb),
  })),
  vNICs: records(properties['config.network.vnic']).map((vnic) => {
    const spec = rec(vnic.spec);
    const ip = rec(spec.ip);
    return {
      key: str(vnic.key),
      device: str(vnic.device),
      portGroup: str(vnic.portgroup),
      dPortGroup: str(rec(spec.distributedVirtualPort).portgroupKey),
      ipAddress: str(ip.ipAddress),
      ipV6Address: records(rec(ip.ipV6Config).ipV6Address).map((address) => str(address.ipAddress)),
      subnetMask: str(ip.subnetMask),
      mtu: num(spec.mtu),
    };
  }),
  portGroups: records(properties['config.network.portgroup']).map((portGroup) => ({
    key: str(portGroup.key),
    name: str(rec(portGroup.spec).name),
    vSwitch: str(portGroup.vswitch),
    vlanId: num(rec(portGroup.spec).vlanId),
  })),
  switches: records(properties['config.network.vswitch']).map((vSwitch) => ({
    key: str(vSwitch.key),
    name: str(vSwitch.name),
    portGroups: list(vSwitch.portgroup).map(str),
    pNICs: list(vSwitch.pnic).map(str),
  })),
});

/**
 * One adapter per VMkernel NIC: named after its portgroup (standard switch) or its distributed
 * switch, with the speed of the switch's first physical NIC (the host's first when the switch has
 * none), fastest and then largest MTU first.
 */
const networkAdaptersOf = (properties: Fields, networking: HostNetworking): NetworkAdapter[] => {
  const speedOf = new Map(networking.pNICs.map((pnic) => [pnic.key, pnic.linkSpeed]));
  const hostSpeed = networking.pNICs[0]?.linkSpeed ?? 0;
  const proxySwitches = records(properties['config.network.proxySwitch']);
  const vnics = records(properties['config.network.vnic']);
  return networking.vNICs
    .map((vnic, index) => {
      let name = vnic.portGroup;
      let uplinks: string[] = [];
      if (vnic.portGroup) {
        const portGroup = networking.portGroups.find((group) => group.name === vnic.portGroup);
        uplinks =
          networking.switches.find((vSwitch) => vSwitch.key === portGroup?.vSwitch)?.pNICs ?? [];
      } else {
        const switchUuid = str(rec(rec(vnics[index]?.spec).distributedVirtualPort).switchUuid);
        const proxy = proxySwitches.find((candidate) => str(candidate.dvsUuid) === switchUuid);
        name = str(proxy?.dvsName);
        uplinks = list(proxy?.pnic).map(str);
      }
      const firstUplink = uplinks[0];
      return {
        name,
        ipAddress: vnic.ipAddress,
        subnetMask: vnic.subnetMask,
        linkSpeed: (firstUplink !== undefined ? speedOf.get(firstUplink) : undefined) ?? hostSpeed,
        mtu: vnic.mtu,
      };
    })
    .sort((a, b) => b.linkSpeed - a.linkSpeed || b.mtu - a.mtu);
};

export const toVsphereHost = ({ properties }: RetrievedObject, resource: Resource): VsphereHost => {
  const networking = networkingOf(properties);
  return {
    ...resource,
    cluster: resource.parent.id,
    status: str(properties.overallStatus),
    inMaintenance: bool(properties['runtime.inMaintenanceMode']),
    managementServerIp: str(properties['summary.managementServerIp']),
    thumbprint: str(properties['summary.config.sslThumbprint']),
    timezone: str(properties['config.dateTimeInfo.timeZone.name']),
    cpuSockets: num(properties['summary.hardware.numCpuPkgs']),
    cpuCores: num(properties['summary.hardware.numCpuCores']),
    memoryBytes: num(properties['summary.hardware.memorySize']),
    productName: str(properties['config.product.name']),
    productVersion: str(properties['config.product.version']),
    networking,
    networks: refsOf(properties.network),
    datastores: refsOf(properties.datastore),
    vms: null,
    networkAdapters: networkAdaptersOf(properties, networking),
    hostScsiDisks: records(properties['config.storageDevice.scsiLun'])
      .filter((lun) => lun._type === 'HostScsiDisk')
      .map((lun) => ({
        canonicalName: str(lun.canonicalName),
        vendor: str(lun.vendor),
        model: str(lun.model),
        key: str(lun.key),
      })),
    vmotionSupported: bool(properties['capability.vmotionSupported']),
    storageVmotionSupported: bool(properties['capability.storageVMotionSupported']),
  };
};
