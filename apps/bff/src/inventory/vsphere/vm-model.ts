// A vSphere VM in the shape Forklift's inventory serves (reference inventory.md §1.4), built from
// the properties the collector retrieves. Only what the VM tables, validation and plans need so
// far; the rest of the table follows with the collector.
import type { ManagedObjectReference } from './soap-client.ts';
import type { RetrievedObject } from './property-collector.ts';

export const VM_PROPERTIES = [
  'name',
  'parent',
  'config.uuid',
  'config.instanceUuid',
  'config.firmware',
  'config.template',
  'config.changeTrackingEnabled',
  'config.hardware.numCPU',
  'config.hardware.numCoresPerSocket',
  'config.hardware.memoryMB',
  'config.hardware.device',
  'config.extraConfig',
  'runtime.powerState',
  'runtime.connectionState',
  'runtime.host',
  'summary.config.guestFullName',
  'summary.guest.guestId',
  'summary.guest.ipAddress',
] as const;

export type Ref = { kind: string; id: string };

export type VsphereDisk = {
  key: number;
  unitNumber: number;
  controllerKey: number;
  file: string;
  datastore: Ref;
  capacity: number;
  shared: boolean;
  rdm: boolean;
  bus: 'scsi' | 'sata' | 'ide' | 'nvme' | 'usb' | '';
  mode: string;
  serial?: string;
};

export type VsphereNic = {
  network: Ref;
  mac: string;
  order: number;
  deviceKey: number;
};

export type VsphereVm = {
  id: string;
  name: string;
  parent: Ref;
  uuid: string;
  instanceUuid: string;
  firmware: string;
  isTemplate: boolean;
  powerState: string;
  connectionState: string;
  host: string;
  cpuCount: number;
  coresPerSocket: number;
  memoryMB: number;
  guestName: string;
  guestId: string;
  ipAddress: string;
  changeTrackingEnabled: boolean;
  disks: VsphereDisk[];
  nics: VsphereNic[];
};

type Device = Record<string, unknown> & { _type?: string; key?: string };

const REF_KINDS: Record<string, string> = {
  Folder: 'Folder',
  Datacenter: 'Datacenter',
  ClusterComputeResource: 'Cluster',
  HostSystem: 'Host',
  Network: 'Network',
  DistributedVirtualPortgroup: 'Network',
  OpaqueNetwork: 'Network',
  Datastore: 'Datastore',
  VirtualMachine: 'VM',
};

/** vSphere type names become Forklift's Ref kinds; others keep their vSphere name. */
export const refOf = (ref: ManagedObjectReference | undefined): Ref =>
  ref ? { kind: REF_KINDS[ref.type] ?? ref.type, id: ref.value } : { kind: '', id: '' };

const BUS_OF_CONTROLLER: Record<string, VsphereDisk['bus']> = {
  VirtualLsiLogicController: 'scsi',
  VirtualLsiLogicSASController: 'scsi',
  ParaVirtualSCSIController: 'scsi',
  VirtualBusLogicController: 'scsi',
  VirtualAHCIController: 'sata',
  VirtualIDEController: 'ide',
  VirtualNVMEController: 'nvme',
  VirtualUSBController: 'usb',
  VirtualUSBXHCIController: 'usb',
};

const ETHERNET_CARDS = new Set([
  'VirtualE1000',
  'VirtualE1000e',
  'VirtualPCNet32',
  'VirtualVmxnet',
  'VirtualVmxnet2',
  'VirtualVmxnet3',
  'VirtualVmxnet3Vrdma',
  'VirtualSriovEthernetCard',
]);

const num = (value: unknown): number => Number(value ?? 0) || 0;
const bool = (value: unknown): boolean => String(value) === 'true';
const str = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value);

const devicesOf = (properties: Record<string, unknown>): Device[] =>
  ((properties['config.hardware.device'] as { VirtualDevice?: Device[] } | undefined)
    ?.VirtualDevice ?? []) as Device[];

const extraConfigOf = (properties: Record<string, unknown>): Map<string, string> =>
  new Map(
    (
      (properties['config.extraConfig'] as { OptionValue?: { key?: unknown; value?: unknown }[] })
        ?.OptionValue ?? []
    ).map((option) => [str(option.key).toLowerCase(), str(option.value)]),
  );

const diskOf = (device: Device, controllers: Map<string, Device>): VsphereDisk => {
  const backing = (device.backing ?? {}) as Record<string, unknown>;
  const backingType = str(backing._type);
  const rdm = backingType.startsWith('VirtualDiskRawDiskMapping');
  const controllerKey = str(device.controllerKey);
  return {
    key: num(device.key),
    unitNumber: num(device.unitNumber),
    controllerKey: num(controllerKey),
    file: str(backing.fileName),
    datastore: refOf(backing.datastore as ManagedObjectReference | undefined),
    capacity: device.capacityInBytes
      ? num(device.capacityInBytes)
      : num(device.capacityInKB) * 1024,
    // The backing's own flag; the inventory recomputes sharing across VMs (§1.4 notes on disks).
    shared: str(backing.sharing) === 'sharingMultiWriter',
    rdm,
    bus: BUS_OF_CONTROLLER[str(controllers.get(controllerKey)?._type)] ?? '',
    mode: str(backing.diskMode),
    ...(backing.uuid ? { serial: str(backing.uuid) } : {}),
  };
};

const nicOf = (device: Device, order: number): VsphereNic => {
  const backing = (device.backing ?? {}) as Record<string, unknown>;
  const port = backing.port as { portgroupKey?: unknown } | undefined;
  // A standard network names its MoRef; a distributed port group is matched by its key.
  const network = port?.portgroupKey
    ? { kind: 'Network', id: str(port.portgroupKey) }
    : backing.opaqueNetworkId
      ? { kind: 'Network', id: str(backing.opaqueNetworkId) }
      : refOf(backing.network as ManagedObjectReference | undefined);
  return { network, mac: str(device.macAddress).toLowerCase(), order, deviceKey: num(device.key) };
};

export const toVsphereVm = ({ ref, properties }: RetrievedObject): VsphereVm => {
  const devices = devicesOf(properties);
  const controllers = new Map(devices.map((device) => [str(device.key), device]));
  const extraConfig = extraConfigOf(properties);
  const ctk = extraConfig.get('ctkenabled');
  return {
    id: ref.value,
    name: str(properties.name),
    parent: refOf(properties.parent as ManagedObjectReference | undefined),
    uuid: str(properties['config.uuid']),
    instanceUuid: str(properties['config.instanceUuid']),
    firmware: str(properties['config.firmware']),
    isTemplate: bool(properties['config.template']),
    powerState: str(properties['runtime.powerState']),
    connectionState: str(properties['runtime.connectionState']),
    host: (properties['runtime.host'] as ManagedObjectReference | undefined)?.value ?? '',
    cpuCount: num(properties['config.hardware.numCPU']),
    coresPerSocket: num(properties['config.hardware.numCoresPerSocket']),
    memoryMB: num(properties['config.hardware.memoryMB']),
    guestName: str(properties['summary.config.guestFullName']),
    guestId: str(properties['summary.guest.guestId']),
    ipAddress: str(properties['summary.guest.ipAddress']),
    // extraConfig ctkEnabled, when present, overrides config.changeTrackingEnabled.
    changeTrackingEnabled:
      ctk !== undefined
        ? ctk.toLowerCase() === 'true'
        : bool(properties['config.changeTrackingEnabled']),
    disks: devices
      .filter((device) => device._type === 'VirtualDisk')
      .map((device) => diskOf(device, controllers)),
    nics: devices
      .filter((device) => ETHERNET_CARDS.has(str(device._type)) && device.backing)
      .map((device, order) => nicOf(device, order)),
  };
};
