// The provider's Virtual machines table as plain data: inventory VMs become rows once, then
// sorting, filtering and paging work on those rows. Kept free of React so that every step is tested
// and each can be memoized on its own inputs. Rows are sorted before they are filtered: a keystroke
// in the filter then only scans 5,000 lower-case names, and sorting (thousands of locale-aware
// comparisons) waits for a new inventory or a click on a column.
import type { ConcernCategory, Ref } from '@forklift-console/api';

/** The features the Features column and filter name, in the order they are shown. */
export const VM_FEATURES = ['dedicatedCpu', 'gpusHostDevices', 'numa', 'persistentTpmEfi'] as const;

export type VmFeature = (typeof VM_FEATURES)[number];

// Looser than the api's Concern: a category this console does not know yet is read, not refused.
export type Concern = { id?: string; label: string; category: string; assessment?: string };

/** The fields of a vSphere or OVA inventory VM (reference inventory.md §1.4, §1.8) the table reads. */
export type InventoryVm = {
  id: string;
  name: string;
  path?: string;
  parent?: Ref;
  powerState?: string;
  host?: string;
  cpuCount?: number;
  memoryMB?: number;
  /** vSphere's disks are camelCase, OVA's PascalCase. */
  disks?: { capacity?: number; Capacity?: number }[];
  concerns?: Concern[] | null;
  /** vSphere's guest OS. */
  guestName?: string;
  /** OVA's guest OS, the OVF's osType. */
  osType?: string;
  /** OVA: the .ova or .ovf file the VM was read from. */
  ovfPath?: string;
};

export type InventoryNamed = { id: string; name: string };

export type PowerState = 'on' | 'off' | 'unknown';

export const POWER_STATES: readonly PowerState[] = ['on', 'off', 'unknown'];

export type ConcernCounts = Record<ConcernCategory, number>;

export type VmRow = {
  id: string;
  name: string;
  /** The name in lower case, made once per inventory change for the name filter. */
  searchName: string;
  power: PowerState;
  /** The host's name, or its ID when the host list does not know it. */
  hostName: string;
  /** The VM's folder, or the last folder of its path when the folder list does not know it. */
  folderName: string;
  path: string;
  guestOs: string;
  ovfPath: string;
  cpuCount: number;
  memoryMB: number;
  diskCount: number;
  diskBytes: number;
  concerns: Concern[];
  concernCounts: ConcernCounts;
  /** OpenShift: the VM's project. */
  project: string;
  /** OpenShift: KubeVirt's printable status. */
  status: string;
  /** OpenShift: what needs care when the VM moves (openshift-vm.ts). */
  features: readonly VmFeature[];
  /** OpenShift: the template the VM was made from. */
  template: string;
};

/** A row with only its identity: each type's rows fill in what their inventory has. */
export const blankVmRow = (id: string, name: string): VmRow => ({
  id,
  name,
  searchName: name.toLowerCase(),
  power: 'unknown',
  hostName: '',
  folderName: '',
  path: '',
  guestOs: '',
  ovfPath: '',
  cpuCount: 0,
  memoryMB: 0,
  diskCount: 0,
  diskBytes: 0,
  concerns: [],
  concernCounts: { Critical: 0, Warning: 0, Information: 0 },
  project: '',
  status: '',
  features: [],
  template: '',
});

export const powerStateOf = (powerState: string | undefined): PowerState =>
  powerState === 'poweredOn' ? 'on' : powerState === 'poweredOff' ? 'off' : 'unknown';

export const concernCounts = (concerns: readonly Concern[]): ConcernCounts => {
  const counts: ConcernCounts = { Critical: 0, Warning: 0, Information: 0 };
  for (const { category } of concerns) {
    if (category in counts) counts[category as ConcernCategory] += 1;
  }
  return counts;
};

const folderOfPath = (path: string): string => path.split('/').slice(-2, -1)[0] ?? '';

export const toVmRows = (
  vms: readonly InventoryVm[],
  hosts: readonly InventoryNamed[] = [],
  folders: readonly InventoryNamed[] = [],
): VmRow[] => {
  const hostNames = new Map(hosts.map((host) => [host.id, host.name]));
  const folderNames = new Map(folders.map((folder) => [folder.id, folder.name]));
  return vms.map((vm) => {
    const concerns = vm.concerns ?? [];
    const disks = vm.disks ?? [];
    const path = vm.path ?? '';
    return {
      ...blankVmRow(vm.id, vm.name),
      power: powerStateOf(vm.powerState),
      hostName: (vm.host && hostNames.get(vm.host)) || vm.host || '',
      folderName: (vm.parent && folderNames.get(vm.parent.id)) || folderOfPath(path),
      path,
      guestOs: vm.guestName || vm.osType || '',
      ovfPath: vm.ovfPath ?? '',
      cpuCount: vm.cpuCount ?? 0,
      memoryMB: vm.memoryMB ?? 0,
      diskCount: disks.length,
      diskBytes: disks.reduce((total, disk) => total + (disk.capacity ?? disk.Capacity ?? 0), 0),
      concerns,
      concernCounts: concernCounts(concerns),
    };
  });
};

export type VmFilters = {
  /** Case-insensitive part of the name. */
  name: string;
  /** Any of these power states; none chosen means all. */
  power: readonly PowerState[];
  /** VMs with a concern of any of these categories; none chosen means all. */
  concern: readonly ConcernCategory[];
  /** VMs with any of these features; none chosen means all. */
  features: readonly VmFeature[];
};

export const NO_VM_FILTERS: VmFilters = { name: '', power: [], concern: [], features: [] };

/** The rows that pass every filter, in their order. */
export const filterVmRows = (rows: readonly VmRow[], filters: VmFilters): readonly VmRow[] => {
  const name = filters.name.trim().toLowerCase();
  if (
    !name &&
    filters.power.length === 0 &&
    filters.concern.length === 0 &&
    filters.features.length === 0
  ) {
    return rows;
  }
  return rows.filter(
    (row) =>
      (!name || row.searchName.includes(name)) &&
      (filters.power.length === 0 || filters.power.includes(row.power)) &&
      (filters.concern.length === 0 ||
        filters.concern.some((category) => row.concernCounts[category] > 0)) &&
      (filters.features.length === 0 ||
        filters.features.some((feature) => row.features.includes(feature))),
  );
};

export type VmSortColumn =
  | 'name'
  | 'power'
  | 'host'
  | 'folder'
  | 'guestOs'
  | 'ovfPath'
  | 'cpus'
  | 'memory'
  | 'disks'
  | 'concerns'
  | 'project'
  | 'status'
  | 'features'
  | 'template';

/** The columns of each provider type's table; a column's filter shows only with the column. */
export const VM_COLUMNS: Record<'vsphere' | 'ova' | 'openshift', readonly VmSortColumn[]> = {
  vsphere: ['name', 'power', 'host', 'folder', 'cpus', 'memory', 'disks', 'concerns'],
  // An OVA is a file, neither running nor on a host: its place is the file it came from.
  ova: ['name', 'concerns', 'guestOs', 'ovfPath', 'cpus', 'memory', 'disks'],
  // Forklift validates no KubeVirt VM, so there are no concerns to show.
  openshift: ['name', 'project', 'status', 'features', 'template'],
};

export type SortDirection = 'asc' | 'desc';

export type VmSort = { column: VmSortColumn; direction: SortDirection };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

// Critical outweighs any number of warnings, and a warning any number of notes.
const concernWeight = ({ Critical, Warning, Information }: ConcernCounts) =>
  Critical * 1e8 + Warning * 1e4 + Information;

const POWER_ORDER: Record<PowerState, number> = { on: 0, off: 1, unknown: 2 };

const COMPARATORS: Record<VmSortColumn, (a: VmRow, b: VmRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  power: (a, b) => POWER_ORDER[a.power] - POWER_ORDER[b.power],
  host: (a, b) => collator.compare(a.hostName, b.hostName),
  folder: (a, b) => collator.compare(a.path || a.folderName, b.path || b.folderName),
  guestOs: (a, b) => collator.compare(a.guestOs, b.guestOs),
  ovfPath: (a, b) => collator.compare(a.ovfPath, b.ovfPath),
  cpus: (a, b) => a.cpuCount - b.cpuCount,
  memory: (a, b) => a.memoryMB - b.memoryMB,
  disks: (a, b) => a.diskBytes - b.diskBytes || a.diskCount - b.diskCount,
  concerns: (a, b) => concernWeight(a.concernCounts) - concernWeight(b.concernCounts),
  project: (a, b) => collator.compare(a.project, b.project),
  status: (a, b) => collator.compare(a.status, b.status),
  features: (a, b) => a.features.length - b.features.length,
  template: (a, b) => collator.compare(a.template, b.template),
};

/** A new sorted array; ties keep name order so that pages are stable. */
export const sortVmRows = (rows: readonly VmRow[], { column, direction }: VmSort): VmRow[] => {
  const compare = COMPARATORS[column];
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || COMPARATORS.name(a, b));
};

/**
 * Whether a column's cell shows the same for both rows, so that a row reused for another VM keeps
 * the cells that do not change: VMs of one template share their CPUs, memory, disks and folder.
 * Names count wherever a test id carries them, and the concerns cell belongs to its VM, whose
 * opened popover it remembers.
 */
export const sameCellContent = (a: VmRow, b: VmRow, column: VmSortColumn): boolean => {
  switch (column) {
    case 'name':
      return a.name === b.name;
    case 'power':
      return a.name === b.name && a.power === b.power;
    case 'host':
      return a.hostName === b.hostName;
    case 'folder':
      return a.folderName === b.folderName && a.path === b.path;
    case 'guestOs':
      return a.guestOs === b.guestOs;
    case 'ovfPath':
      return a.ovfPath === b.ovfPath;
    case 'cpus':
      return a.cpuCount === b.cpuCount;
    case 'memory':
      return a.memoryMB === b.memoryMB;
    case 'disks':
      return a.diskCount === b.diskCount && a.diskBytes === b.diskBytes;
    case 'concerns':
      return a.id === b.id && a.name === b.name && a.concerns === b.concerns;
    case 'project':
      return a.project === b.project;
    case 'status':
      return a.name === b.name && a.status === b.status;
    case 'features':
      return a.features.join() === b.features.join();
    case 'template':
      return a.template === b.template;
  }
};

/** The page shown for a wanted page: a page past the end, after a push shrank the list, is the last. */
export const shownPageOf = (page: number, rowCount: number, perPage: number): number =>
  Math.min(Math.max(page, 1), Math.max(1, Math.ceil(rowCount / perPage)));

/** The rows of one page (pages count from 1); a page past the end shows the last one. */
export const pageOfRows = <T>(rows: readonly T[], page: number, perPage: number): T[] => {
  const start = (shownPageOf(page, rows.length, perPage) - 1) * perPage;
  return rows.slice(start, start + perPage);
};

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Binary units with at most one decimal: 1536 → "1.5 KiB". */
export const formatBytes = (bytes: number): string => {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${UNITS[unit]}`;
};

export const formatMemory = (memoryMB: number): string => formatBytes(memoryMB * 1024 * 1024);
