// OVF descriptor (DMTF DSP0243 1.x and 2.x) → the virtual systems an OVA provider lists. Elements
// and attributes are matched by local name, so the ovf/rasd/sasd/epasd/vmw prefixes (and which
// namespace version they point at) do not matter.
import { parseXml, type XmlNode } from '@forklift-console/vsphere';

export type OvfDisk = {
  /** The href of the disk's File, '' for a disk with no file (created empty on import). */
  Name: string;
  /** Capacity in bytes (converted from capacityAllocationUnits). */
  Capacity: number;
  /** Always 'byte' because Capacity is converted; kept for Forklift-shaped consumers. */
  CapacityAllocationUnits: string;
  DiskId: string;
  FileRef: string;
  Format: string;
  PopulatedSize: number;
};
export type OvfNic = { Name: string; MAC: string; Network: string; Config: OvfConfig[] };
export type OvfConfig = { Key: string; Value: string };
export type OvfNetwork = { Name: string; Description: string };
export type OvfDevice = { Kind: string };

export type OvfVirtualSystem = {
  /** VirtualSystem/@id as written. */
  id: string;
  name: string;
  osType: string;
  cpuCount: number;
  coresPerSocket: number;
  cpuUnits: string;
  /** Memory in MiB (converted from AllocationUnits, unlike Forklift which passes the raw number). */
  memoryMB: number;
  /** Always 'byte * 2^20' because memoryMB is converted. */
  memoryUnits: string;
  firmware: string;
  secureBoot: boolean;
  cpuHotAddEnabled: boolean;
  cpuHotRemoveEnabled: boolean;
  memoryHotAddEnabled: boolean;
  nics: OvfNic[];
  devices: OvfDevice[];
  disks: OvfDisk[];
  networks: OvfNetwork[];
};

export type OvfEnvelope = { exportSource: string; virtualSystems: OvfVirtualSystem[] };

export class OvfError extends Error {
  override name = 'OvfError';
}

const LISTS = new Set([
  'VirtualSystem',
  'VirtualSystemCollection',
  'VirtualHardwareSection',
  'Item',
  'StorageItem',
  'EthernetPortItem',
  'Disk',
  'File',
  'Network',
  'Config',
  'ExtraConfig',
]);

const list = (value: unknown): XmlNode[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) =>
    typeof item === 'object' && item !== null ? (item as XmlNode) : { '#text': item },
  );

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object' && value !== null) return text((value as XmlNode)['#text']);
  return '';
};

// Attributes keep their prefix in the parsed tree (`@_ovf:id`, `@_vmw:osType`); this finds one by
// its local name whatever the prefix. xmlns declarations are never what a caller asks for.
const attribute = (node: XmlNode | undefined, localName: string): string => {
  if (!node) return '';
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith('@_') || key.startsWith('@_xmlns')) continue;
    const name = key.slice(2);
    if (name === localName || name.endsWith(`:${localName}`)) return text(value);
  }
  return '';
};

const child = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  list(node?.[name])[0];

const UNIT_WORDS: Record<string, number> = {
  byte: 1,
  bytes: 1,
  kilobytes: 2 ** 10,
  megabytes: 2 ** 20,
  gigabytes: 2 ** 30,
  terabytes: 2 ** 40,
  kb: 2 ** 10,
  mb: 2 ** 20,
  gb: 2 ** 30,
  tb: 2 ** 40,
};

/**
 * The number of bytes in one unit, from a DMTF programmatic unit ("byte * 2^20", "byte * 1024")
 * or the words older exporters write ("MegaBytes", which means 2^20 as in VMware and VirtualBox).
 */
export const bytesPerUnit = (units: string): number => {
  const normalized = units.trim().toLowerCase();
  const word = UNIT_WORDS[normalized];
  if (word !== undefined) return word;
  const [base, ...factors] = normalized.split('*').map((term) => term.trim());
  if (base !== 'byte' && base !== 'bytes')
    throw new OvfError(`Unknown allocation units "${units}"`);
  let multiplier = 1;
  for (const factor of factors) {
    const power = /^(\d+)\s*\^\s*(\d+)$/.exec(factor);
    if (power) multiplier *= Number(power[1]) ** Number(power[2]);
    else if (/^\d+$/.test(factor)) multiplier *= Number(factor);
    else throw new OvfError(`Unknown allocation units "${units}"`);
  }
  if (!Number.isSafeInteger(multiplier) || multiplier < 1) {
    throw new OvfError(`Unknown allocation units "${units}"`);
  }
  return multiplier;
};

const integer = (raw: string, what: string): number => {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
    throw new OvfError(`${what} is "${raw}", which is not a whole number`);
  }
  return value;
};

const toBytes = (quantity: string, units: string, what: string) => {
  const bytes = integer(quantity, what) * bytesPerUnit(units);
  if (!Number.isSafeInteger(bytes)) throw new OvfError(`${what} is too large`);
  return bytes;
};

// Exporters are told apart by the namespaces they declare on the Envelope; VMware's is checked
// last because other exporters sometimes declare it too.
const exportSourceOf = (envelope: XmlNode): string => {
  const values = Object.entries(envelope)
    .filter(([key]) => key.startsWith('@_'))
    .map(([, value]) => text(value));
  const has = (uri: string) => values.includes(uri);
  if (
    has('http://schemas.citrix.com/ovf/envelope/1') ||
    has('http://www.citrix.com/xenclient/ovf/1')
  ) {
    return 'Xen';
  }
  if (has('http://www.virtualbox.org/ovf/machine')) return 'VirtualBox';
  if (has('http://www.ovirt.org/ovf')) return 'oVirt';
  if (values.some((value) => value.includes('http://www.vmware.com/schema/ovf'))) return 'VMware';
  return 'Unknown';
};

// VirtualSystems may sit directly in the Envelope or in (nested) VirtualSystemCollections.
const virtualSystemsOf = (node: XmlNode): XmlNode[] => [
  ...list(node['VirtualSystem']),
  ...list(node['VirtualSystemCollection']).flatMap(virtualSystemsOf),
];

// "ovf:/disk/vmdisk1" (1.x) or "ovf:disk/vmdisk1"; the disk's diskId is what follows "disk/".
const referencedDiskId = (hostResource: string) =>
  /^ovf:\/?disk\/(.+)$/.exec(hostResource.trim())?.[1];

const DISK_RESOURCE_TYPE = '17';

type EnvelopeParts = { disks: (OvfDisk & { diskId: string })[]; networks: OvfNetwork[] };

const readDisks = (envelope: XmlNode): EnvelopeParts['disks'] => {
  // Forklift pairs Disk[j] with File[j]; exporters do not promise that order, and a disk with no
  // file would shift every pair after it, so the pairing here follows fileRef as the spec says.
  const hrefByFileId = new Map(
    list(child(envelope, 'References')?.['File']).map((file) => [
      attribute(file, 'id'),
      attribute(file, 'href'),
    ]),
  );
  return list(child(envelope, 'DiskSection')?.['Disk']).map((disk) => {
    const diskId = attribute(disk, 'diskId');
    const fileRef = attribute(disk, 'fileRef');
    const what = `The capacity of disk "${diskId}"`;
    const populated = attribute(disk, 'populatedSize');
    return {
      diskId,
      Name: hrefByFileId.get(fileRef) ?? '',
      Capacity: toBytes(
        attribute(disk, 'capacity'),
        attribute(disk, 'capacityAllocationUnits') || 'byte',
        what,
      ),
      CapacityAllocationUnits: 'byte',
      DiskId: diskId,
      FileRef: fileRef,
      Format: attribute(disk, 'format'),
      PopulatedSize:
        populated === '' ? 0 : integer(populated, `The populated size of disk "${diskId}"`),
    };
  });
};

const readNetworks = (envelope: XmlNode): OvfNetwork[] =>
  list(child(envelope, 'NetworkSection')?.['Network']).map((network) => ({
    Name: attribute(network, 'name'),
    Description: text(child(network, 'Description')),
  }));

const configEntries = (node: XmlNode | undefined, name: string): OvfConfig[] =>
  list(node?.[name]).map((entry) => ({
    Key: attribute(entry, 'key'),
    Value: attribute(entry, 'value'),
  }));

const deviceKind = (item: XmlNode) =>
  text(item['ElementName']).replace(/[\d\s]+$/, '') || text(item['Description']) || 'Unknown';

const readVirtualSystem = (
  system: XmlNode,
  parts: EnvelopeParts,
  onlyOne: boolean,
): OvfVirtualSystem => {
  const id = attribute(system, 'id');
  const name = text(system['Name']) || id;
  const label = `VirtualSystem "${name}"`;
  const hardware = list(system['VirtualHardwareSection']);
  const items = hardware.flatMap((section) => [
    ...list(section['Item']),
    ...list(section['StorageItem']),
    ...list(section['EthernetPortItem']),
  ]);
  const vm: OvfVirtualSystem = {
    id,
    name,
    osType: attribute(child(system, 'OperatingSystemSection'), 'osType'),
    cpuCount: 0,
    coresPerSocket: 0,
    cpuUnits: '',
    memoryMB: 0,
    memoryUnits: 'byte * 2^20',
    firmware: '',
    secureBoot: false,
    cpuHotAddEnabled: false,
    cpuHotRemoveEnabled: false,
    memoryHotAddEnabled: false,
    nics: [],
    devices: [],
    disks: [],
    networks: parts.networks,
  };
  const diskIds = new Set<string>();
  for (const item of items) {
    const resourceType = text(item['ResourceType']).trim();
    if (resourceType === '3') {
      vm.cpuCount = integer(text(item['VirtualQuantity']), `The CPU count of ${label}`);
      vm.cpuUnits = text(item['AllocationUnits']);
      const cores = text(item['CoresPerSocket']).trim();
      // As Forklift: absent means unknown (0), unreadable means one core per socket.
      vm.coresPerSocket = cores === '' ? 0 : /^\d+$/.test(cores) ? Number(cores) : 1;
    } else if (resourceType === '4') {
      // OVF leaves memory units to the exporter; without any, VMware and VirtualBox mean MiB.
      const units = text(item['AllocationUnits']) || 'byte * 2^20';
      const bytes = toBytes(text(item['VirtualQuantity']), units, `The memory of ${label}`);
      vm.memoryMB = Math.ceil(bytes / 2 ** 20);
    } else if (resourceType === '10') {
      vm.nics.push({
        Name: text(item['ElementName']),
        MAC: text(item['Address']),
        Network: text(item['Connection']),
        Config: configEntries(item, 'Config'),
      });
    } else {
      vm.devices.push({ Kind: deviceKind(item) });
      if (resourceType === DISK_RESOURCE_TYPE) {
        for (const resource of list(item['HostResource'])) {
          const diskId = referencedDiskId(text(resource));
          if (diskId !== undefined) diskIds.add(diskId);
        }
      }
    }
  }
  // One system owns every disk of its envelope (there is no one else to give them to); in a
  // multi-system envelope each gets the disks its hardware refers to, not all of them as Forklift.
  vm.disks = parts.disks
    .filter((disk) => onlyOne || diskIds.has(disk.diskId))
    .map(({ diskId: _, ...disk }) => disk);

  const settings = hardware.flatMap((section) => [
    ...configEntries(section, 'Config'),
    ...configEntries(section, 'ExtraConfig'),
  ]);
  for (const { Key, Value } of settings) {
    const enabled = Value.trim().toLowerCase() === 'true';
    if (Key === 'firmware') vm.firmware = Value;
    else if (Key === 'bootOptions.efiSecureBootEnabled' || Key === 'uefi.secureBoot.enabled') {
      vm.secureBoot = enabled;
    } else if (Key === 'memoryHotAddEnabled') vm.memoryHotAddEnabled = enabled;
    else if (Key === 'cpuHotAddEnabled') vm.cpuHotAddEnabled = enabled;
    else if (Key === 'cpuHotRemoveEnabled') vm.cpuHotRemoveEnabled = enabled;
  }
  return vm;
};

/**
 * Parses an OVF descriptor. Throws OvfError (or the XML parser's error, which refuses DOCTYPE and
 * malformed documents) with a message meant for the user.
 */
export const parseOvf = (xml: string): OvfEnvelope => {
  let document: XmlNode;
  try {
    document = parseXml(xml.replace(/^\uFEFF/, ''), LISTS);
  } catch (error) {
    throw new OvfError(`The OVF is not valid XML: ${(error as Error).message}`);
  }
  const envelope = document['Envelope'];
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw new OvfError('The OVF has no Envelope element at its root');
  }
  const systems = virtualSystemsOf(envelope as XmlNode);
  if (systems.length === 0) throw new OvfError('The OVF has no VirtualSystem');
  const parts: EnvelopeParts = {
    disks: readDisks(envelope as XmlNode),
    networks: readNetworks(envelope as XmlNode),
  };
  return {
    exportSource: exportSourceOf(envelope as XmlNode),
    virtualSystems: systems.map((system) => readVirtualSystem(system, parts, systems.length === 1)),
  };
};
