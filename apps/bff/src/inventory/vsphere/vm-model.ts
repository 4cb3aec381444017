// A vSphere VM in the shape Forklift's inventory serves (reference inventory.md §1.4, VM and Disk),
// built from the properties the collector retrieves. Validation results (concerns, disk sharing
// across VMs) are added by the inventory, which sees every VM.
import type { Concern, Ref } from '@forklift-console/api';
import type { RetrievedObject } from './property-collector.ts';
import type { Resource } from './resource.ts';
import { bool, list, num, rec, records, refOf, refsOf, str, type Fields } from './values.ts';

/** What every vCenter and ESXi version accepts. */
export const VM_PROPERTIES: readonly string[] = [
  'name',
  'parent',
  'network',
  'snapshot.currentSnapshot',
  'availableField',
  'customValue',
  'config.uuid',
  'config.instanceUuid',
  'config.firmware',
  'config.template',
  'config.changeTrackingEnabled',
  'config.cpuAffinity',
  'config.cpuHotAddEnabled',
  'config.cpuHotRemoveEnabled',
  'config.memoryHotAddEnabled',
  'config.ftInfo',
  'config.nestedHVEnabled',
  'config.bootOptions.efiSecureBootEnabled',
  'config.hardware.numCPU',
  'config.hardware.numCoresPerSocket',
  'config.hardware.memoryMB',
  'config.hardware.device',
  'config.extraConfig',
  'runtime.powerState',
  'runtime.connectionState',
  'runtime.host',
  'runtime.consolidationNeeded',
  'summary.config.guestFullName',
  'summary.guest.guestId',
  'summary.guest.ipAddress',
  'summary.quickStats.balloonedMemory',
  'summary.storage.committed',
  'guest.guestFullName',
  'guest.hostName',
  'guest.net',
  'guest.disk',
  'guest.ipStack',
  'guest.toolsStatus',
  'guest.toolsRunningStatus',
  'guest.toolsVersionStatus2',
];

/** `summary.config.tpmPresent` exists from vSphere 6.7; asking an older one fails the filter. */
export const vmProperties = (apiVersion: string): string[] => {
  const [major = 0, minor = 0] = apiVersion.split('.').map(Number);
  const hasTpm = major > 6 || (major === 6 && minor >= 7);
  return [...VM_PROPERTIES, ...(hasTpm ? ['summary.config.tpmPresent'] : [])];
};

export type DiskBus = 'scsi' | 'sata' | 'ide' | 'nvme' | 'usb' | '';

export type VsphereDisk = {
  key: number;
  unitNumber: number;
  controllerKey: number;
  file: string;
  datastore: Ref;
  capacity: number;
  shared: boolean;
  rdm: boolean;
  physicalMode?: boolean;
  bus: DiskBus;
  mode?: string;
  serial?: string;
  winDriveLetter?: string;
  changeTrackingEnabled: boolean;
  parent: string;
  deviceName?: string;
  vvolId?: string;
  lunUuid?: string;
};

export type VsphereNic = {
  network: Ref;
  mac: string;
  order: number;
  deviceKey: number;
  pciAddress: string;
  startConnected: boolean;
};

export type VsphereDevice = { kind: string; key: number; pciSlotNumber: number };

export type GuestNetwork = {
  device: string;
  deviceConfigId: number;
  mac: string;
  ip: string;
  origin: string;
  prefix: number;
  dns: string[];
  network: string;
};

export type GuestDisk = {
  key: number;
  diskPath?: string;
  capacity?: number;
  freeSpace?: number;
  filesystemType?: string;
};

export type GuestIpStack = {
  device: string;
  gateway: string;
  network: string;
  prefix: number;
  dns: string[];
};

/** A VM as read from vSphere, before validation. */
export type VsphereVmBase = Resource & {
  uuid: string;
  instanceUuid: string;
  firmware: string;
  powerState: string;
  connectionState: string;
  snapshot: Ref;
  changeTrackingEnabled: boolean;
  cpuAffinity: number[];
  cpuHotAddEnabled: boolean;
  cpuHotRemoveEnabled: boolean;
  memoryHotAddEnabled: boolean;
  faultToleranceEnabled: boolean;
  cpuCount: number;
  coresPerSocket: number;
  memoryMB: number;
  guestName: string;
  guestNameFromVmwareTools: string;
  hostName: string;
  guestId: string;
  balloonedMemory: number;
  ipAddress: string;
  storageUsed: number;
  numaNodeAffinity: string[];
  isTemplate: boolean;
  host: string;
  consolidationNeeded: boolean;
  tpmEnabled: boolean;
  secureBoot: boolean;
  diskEnableUuid: boolean;
  nestedHVEnabled: boolean;
  toolsStatus: string;
  toolsRunningStatus: string;
  toolsVersionStatus2: string;
  devices: VsphereDevice[];
  nics: VsphereNic[];
  disks: VsphereDisk[];
  networks: Ref[];
  guestNetworks: GuestNetwork[];
  guestIpStacks: GuestIpStack[];
  guestDisks: GuestDisk[];
  customDef: { name: string; key: number; managedObjectType?: string }[];
  customValues: { key: number; value: string }[];
  tags: { id: string; description: string; name: string; categoryID: string; usedBy: string[] }[];
};

/** The full VM as served: validated against the rules of `policyVersion`. */
export type VsphereVm = VsphereVmBase & {
  revisionValidated: number;
  policyVersion: number;
  concerns: Concern[];
};

/** The detail-1 fields of a VM, on top of its Resource fields. */
export const VM_DETAIL_1_KEYS = [
  'revisionValidated',
  'isTemplate',
  'powerState',
  'host',
  'networks',
  'disks',
  'concerns',
] as const;

type Device = Fields & { _type?: string };

const BUS_OF_CONTROLLER: Record<string, DiskBus> = {
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

/** Devices the validation rules look for, besides ethernet cards. */
const TRACKED_DEVICES = new Set([
  'VirtualSriovEthernetCard',
  'VirtualPCIPassthrough',
  'VirtualSCSIPassthrough',
  'VirtualUSBController',
]);

const extraConfigOf = (properties: Fields): Map<string, string> =>
  new Map(
    records(properties['config.extraConfig']).map((option) => [
      str(option.key).toLowerCase(),
      str(option.value),
    ]),
  );

const guestDisksOf = (properties: Fields): GuestDisk[] =>
  records(properties['guest.disk']).map((disk) => ({
    // The first mapping names the virtual disk; a guest disk without one has key 0.
    key: num(records(disk.mappings)[0]?.key),
    ...(disk.diskPath !== undefined ? { diskPath: str(disk.diskPath) } : {}),
    ...(disk.capacity !== undefined ? { capacity: num(disk.capacity) } : {}),
    ...(disk.freeSpace !== undefined ? { freeSpace: num(disk.freeSpace) } : {}),
    ...(disk.filesystemType !== undefined ? { filesystemType: str(disk.filesystemType) } : {}),
  }));

const DRIVE_LETTER = /^([a-z]):/i;

const diskOf = (
  device: Device,
  controllers: Map<number, Device>,
  extraConfig: Map<string, string>,
  guestDisks: GuestDisk[],
): VsphereDisk => {
  const backing = rec(device.backing);
  const backingType = str(backing._type);
  const key = num(device.key);
  const controllerKey = num(device.controllerKey);
  const unitNumber = num(device.unitNumber);
  const bus = BUS_OF_CONTROLLER[str(controllers.get(controllerKey)?._type)] ?? '';
  const rawDisk = backingType === 'VirtualDiskRawDiskVer2BackingInfo';
  const rdm = rawDisk || backingType === 'VirtualDiskRawDiskMappingVer1BackingInfo';
  const driveLetter = guestDisks
    .filter((guestDisk) => guestDisk.key === key)
    .map((guestDisk) => DRIVE_LETTER.exec(guestDisk.diskPath ?? '')?.[1])
    .find(Boolean);
  return {
    key,
    unitNumber,
    controllerKey,
    file: str(backing.fileName ?? backing.descriptorFileName),
    // A raw disk has no datastore at all: the validation flags it as not on a datastore.
    datastore: rawDisk ? { kind: '', id: '' } : refOf(backing.datastore),
    capacity: device.capacityInBytes
      ? num(device.capacityInBytes)
      : num(device.capacityInKB) * 1024,
    // Recomputed across VMs by the inventory (§2.4); the backing's own flag is not used.
    shared: false,
    rdm,
    ...(rdm ? { physicalMode: rawDisk || str(backing.compatibilityMode) === 'physicalMode' } : {}),
    bus,
    ...(backing.diskMode !== undefined ? { mode: str(backing.diskMode) } : {}),
    ...(backing.uuid ? { serial: str(backing.uuid) } : {}),
    ...(driveLetter ? { winDriveLetter: driveLetter.toLowerCase() } : {}),
    // Per disk, CBT is the `<bus><controller index>:<unit>.ctkEnabled` extraConfig entry.
    changeTrackingEnabled:
      extraConfig.get(`${bus}${controllerKey % 100}:${unitNumber}.ctkenabled`)?.toLowerCase() ===
      'true',
    parent: str(rec(backing.parent).fileName),
    ...(backing.deviceName ? { deviceName: str(backing.deviceName) } : {}),
    ...(backing.backingObjectId ? { vvolId: str(backing.backingObjectId) } : {}),
    ...(backing.lunUuid ? { lunUuid: str(backing.lunUuid) } : {}),
  };
};

const nicNetworkOf = (backing: Fields): Ref => {
  const port = rec(backing.port);
  // A standard network names its MoRef; a distributed port group is matched by its key.
  if (port.portgroupKey) return { kind: 'Network', id: str(port.portgroupKey) };
  if (backing.opaqueNetworkId) return { kind: 'Network', id: str(backing.opaqueNetworkId) };
  return refOf(backing.network);
};

/** NICs in the order the guest reports them, when it does; device order otherwise. */
const nicsOf = (cards: Device[], guestNics: Fields[]): VsphereNic[] => {
  const guestOrder = new Map(
    guestNics.map((guestNic, index) => [num(guestNic.deviceConfigId), index]),
  );
  const rank = (card: Device) => guestOrder.get(num(card.key)) ?? guestOrder.size;
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => rank(a.card) - rank(b.card) || a.index - b.index)
    .map(({ card }, order) => ({
      network: nicNetworkOf(rec(card.backing)),
      mac: str(card.macAddress).toLowerCase(),
      order,
      deviceKey: num(card.key),
      // Forklift derives this from pciBridge extraConfig; it is left empty (allowed) here.
      pciAddress: '',
      startConnected: bool(rec(card.connectable).startConnected),
    }));
};

const guestNetworksOf = (guestNics: Fields[]): GuestNetwork[] =>
  guestNics.flatMap((guestNic) => {
    const dns = list(rec(guestNic.dnsConfig).ipAddress).map(str);
    return records(rec(guestNic.ipConfig).ipAddress).map((address) => ({
      device: str(guestNic.deviceConfigId),
      deviceConfigId: num(guestNic.deviceConfigId),
      mac: str(guestNic.macAddress).toLowerCase(),
      ip: str(address.ipAddress),
      origin: str(address.origin),
      prefix: num(address.prefixLength),
      dns,
      network: str(guestNic.network),
    }));
  });

const guestIpStacksOf = (properties: Fields): GuestIpStack[] =>
  records(properties['guest.ipStack']).flatMap((stack) => {
    const dns = list(rec(stack.dnsConfig).ipAddress).map(str);
    return records(rec(stack.ipRouteConfig).ipRoute)
      .filter((route) => str(rec(route.gateway).ipAddress) !== '')
      .map((route) => ({
        device: str(rec(route.gateway).device),
        gateway: str(rec(route.gateway).ipAddress),
        network: str(route.network),
        prefix: num(route.prefixLength),
        dns,
      }));
  });

/**
 * @param previous the VM as last built, for the fields vSphere stops reporting while a VM is off
 *   (guest ID, guest networks) which Forklift keeps rather than clears
 */
export const toVsphereVm = (
  { properties }: RetrievedObject,
  resource: Resource,
  previous?: VsphereVmBase,
): VsphereVmBase => {
  const devices = records(properties['config.hardware.device']) as Device[];
  const controllers = new Map(devices.map((device) => [num(device.key), device]));
  const extraConfig = extraConfigOf(properties);
  const ctk = extraConfig.get('ctkenabled');
  const guestNics = records(properties['guest.net']);
  const guestDisks = guestDisksOf(properties);
  const guestNetworks = guestNetworksOf(guestNics);
  const cards = devices.filter((device) => ETHERNET_CARDS.has(str(device._type)) && device.backing);
  return {
    ...resource,
    uuid: str(properties['config.uuid']),
    instanceUuid: str(properties['config.instanceUuid']),
    firmware: str(properties['config.firmware']),
    powerState: str(properties['runtime.powerState']),
    connectionState: str(properties['runtime.connectionState']),
    snapshot: refOf(properties['snapshot.currentSnapshot']),
    // extraConfig ctkEnabled, when present, overrides config.changeTrackingEnabled.
    changeTrackingEnabled:
      ctk !== undefined
        ? ctk.toLowerCase() === 'true'
        : bool(properties['config.changeTrackingEnabled']),
    cpuAffinity: list(rec(properties['config.cpuAffinity']).affinitySet).map(num),
    cpuHotAddEnabled: bool(properties['config.cpuHotAddEnabled']),
    cpuHotRemoveEnabled: bool(properties['config.cpuHotRemoveEnabled']),
    memoryHotAddEnabled: bool(properties['config.memoryHotAddEnabled']),
    faultToleranceEnabled: properties['config.ftInfo'] !== undefined,
    cpuCount: num(properties['config.hardware.numCPU']),
    coresPerSocket: num(properties['config.hardware.numCoresPerSocket']),
    memoryMB: num(properties['config.hardware.memoryMB']),
    guestName: str(properties['summary.config.guestFullName']),
    guestNameFromVmwareTools: str(properties['guest.guestFullName']),
    hostName: str(properties['guest.hostName']),
    guestId: str(properties['summary.guest.guestId']) || previous?.guestId || '',
    balloonedMemory: num(properties['summary.quickStats.balloonedMemory']),
    ipAddress: str(properties['summary.guest.ipAddress']),
    storageUsed: num(properties['summary.storage.committed']),
    numaNodeAffinity: (extraConfig.get('numa.nodeaffinity') ?? '')
      .split(',')
      .map((node) => node.trim())
      .filter(Boolean),
    isTemplate: bool(properties['config.template']),
    host: str(rec(properties['runtime.host']).value),
    consolidationNeeded: bool(properties['runtime.consolidationNeeded']),
    tpmEnabled: bool(properties['summary.config.tpmPresent']),
    secureBoot: bool(properties['config.bootOptions.efiSecureBootEnabled']),
    diskEnableUuid: extraConfig.get('disk.enableuuid')?.toLowerCase() === 'true',
    nestedHVEnabled: bool(properties['config.nestedHVEnabled']),
    toolsStatus: str(properties['guest.toolsStatus']),
    toolsRunningStatus: str(properties['guest.toolsRunningStatus']),
    toolsVersionStatus2: str(properties['guest.toolsVersionStatus2']),
    devices: devices
      .filter((device) => TRACKED_DEVICES.has(str(device._type)) || cards.includes(device))
      .map((device) => ({
        kind: str(device._type),
        key: num(device.key),
        pciSlotNumber: num(rec(device.slotInfo).pciSlotNumber),
      })),
    nics: nicsOf(cards, guestNics),
    disks: devices
      .filter((device) => device._type === 'VirtualDisk')
      .map((device) => diskOf(device, controllers, extraConfig, guestDisks)),
    networks: refsOf(properties.network),
    // A powered-off VM reports no guest networks; Forklift keeps the last ones it saw.
    guestNetworks: guestNetworks.length === 0 && previous ? previous.guestNetworks : guestNetworks,
    guestIpStacks: guestIpStacksOf(properties),
    guestDisks,
    customDef: records(properties.availableField).map((field) => ({
      name: str(field.name),
      key: num(field.key),
      ...(field.managedObjectType ? { managedObjectType: str(field.managedObjectType) } : {}),
    })),
    customValues: records(properties.customValue).map((value) => ({
      key: num(value.key),
      value: str(value.value),
    })),
    // Tags come from vCenter's REST tagging API, which this collector does not read.
    tags: [],
  };
};

/** Forklift's "ghost" VMs: listed by vCenter but with nothing to identify or place them. */
export const isGhostVm = (vm: VsphereVmBase): boolean =>
  vm.uuid === '' && vm.instanceUuid === '' && vm.host === '';
