// Forklift's vSphere rule set (reference inventory.md §4.1), evaluated in-process where Forklift
// asks an OPA policy agent. Ids, categories and labels are Forklift's, so concerns read the same
// in both consoles; the assessments are our own sentences with the same meaning.
import type { Concern } from '@forklift-console/api';
import {
  collectConcerns,
  diskCountConcern,
  invalidNameConcern,
  isValidVmName,
  MAX_DISKS,
  objectsIn,
  printed,
} from './shared.ts';

/** Bumped whenever a rule changes, so the inventory re-validates every VM. */
export const VSPHERE_RULES_VERSION = 5;

type WorkloadRef = { kind?: string; id?: string };

type WorkloadDisk = {
  key?: number;
  unitNumber?: number;
  controllerKey?: number;
  file?: unknown;
  datastore?: WorkloadRef | null;
  capacity?: number;
  shared?: boolean;
  rdm?: boolean;
  bus?: unknown;
  mode?: string;
  changeTrackingEnabled?: boolean;
};

type WorkloadCluster = {
  drsEnabled?: boolean;
  dpmEnabled?: boolean;
  hostAffinityVms?: readonly WorkloadRef[] | null;
};

/**
 * The fields the rules read from Forklift's vSphere Workload: the VM (§1.4) whose `host` is the
 * full Host carrying its full Cluster. Any field may be missing or of another type, as in a
 * document sent to the validate API; a rule whose field is missing does not fire, as in Rego.
 */
export type VsphereWorkload = {
  id?: string;
  name?: string;
  changeTrackingEnabled?: boolean;
  consolidationNeeded?: boolean;
  cpuAffinity?: readonly number[] | null;
  cpuHotAddEnabled?: boolean;
  cpuHotRemoveEnabled?: boolean;
  memoryHotAddEnabled?: boolean;
  faultToleranceEnabled?: boolean;
  tpmEnabled?: boolean;
  diskEnableUuid?: boolean;
  numaNodeAffinity?: readonly string[] | null;
  guestId?: string;
  guestName?: string;
  guestNameFromVmwareTools?: string;
  hostName?: string;
  snapshot?: WorkloadRef | null;
  disks?: readonly WorkloadDisk[] | null;
  devices?: readonly { kind?: string }[] | null;
  guestDisks?: readonly { key?: number; diskPath?: unknown; freeSpace?: number }[] | null;
  guestNetworks?: readonly unknown[] | null;
  host?: { cluster?: WorkloadCluster | null } | null;
};

type Rule = (vm: VsphereWorkload) => Concern[];

const when = (condition: boolean, concern: Concern): Concern[] => (condition ? [concern] : []);

// A bare Rego expression holds unless its value is false or undefined (null and 0 hold).
const holds = (value: unknown) => value !== undefined && value !== false;

const hasElements = (value: readonly unknown[] | null | undefined) =>
  Array.isArray(value) && value.length > 0;

const MIB = 1024 * 1024;

// Free space the conversion needs on a guest filesystem (virt-v2v's documented minimums).
const requiredFreeMib = (path: unknown) => {
  if (path === '/') return 100;
  if (path === '/boot') return 50;
  if (typeof path === 'string' && ['c:', 'c:\\', 'c:/'].includes(path.toLowerCase())) return 100;
  return 10;
};

const SUPPORTED_GUEST_ID =
  /(rhel7guest|rhel7_64guest|rhel8guest|rhel8_64guest|rhel9guest|rhel9_64guest|rhel10guest|rhel10_64guest|windows10.*guest|windows11.*guest|windows2016.*guest|windows2019.*guest|windows2022.*guest|windows2025.*guest)/;

const SUPPORTED_OS_NAMES = [
  'red hat enterprise linux 7',
  'red hat enterprise linux 8',
  'red hat enterprise linux 9',
  'red hat enterprise linux 10',
  'windows 10',
  'windows 11',
  'windows server 2016',
  'windows server 2019',
  'windows server 2022',
  'windows server 2025',
];

/** The OS name to judge: what VMware Tools report, else the configured one. */
const guestOsName = (vm: VsphereWorkload): string | undefined => {
  const fromTools = vm.guestNameFromVmwareTools;
  if (typeof fromTools === 'string' && fromTools !== '') return fromTools;
  return typeof vm.guestName === 'string' ? vm.guestName : undefined;
};

const isSupportedOs = (vm: VsphereWorkload, name: string | undefined) =>
  (typeof vm.guestId === 'string' && SUPPORTED_GUEST_ID.test(vm.guestId.toLowerCase())) ||
  (name !== undefined && SUPPORTED_OS_NAMES.some((os) => name.toLowerCase().includes(os)));

const isIndependentMode = (mode: string | undefined) =>
  mode === 'independent_persistent' || mode === 'independent_nonpersistent';

const hasDeviceOfKind = (vm: VsphereWorkload, kind: string) =>
  objectsIn(vm.devices).some((device) => device.kind === kind);

const RULES: Rule[] = [
  (vm) =>
    when(vm.changeTrackingEnabled === false, {
      id: 'vmware.changed_block_tracking.disabled',
      category: 'Warning',
      label: 'Changed Block Tracking (CBT) not enabled',
      assessment:
        'Changed Block Tracking (CBT) is not enabled on this VM in VMware. Warm migration ' +
        'needs CBT; enable it before running a warm migration.',
    }),

  // The device name follows the VM's extraConfig keys (scsi0:1): the controller index is the
  // controller key modulo 100. Forklift's Rego divides as reals there and prints an index that
  // is often wrong; this is the intended value, as Forklift's collector computes it.
  (vm) =>
    objectsIn(vm.disks).flatMap(({ changeTrackingEnabled, bus, controllerKey, unitNumber }) =>
      changeTrackingEnabled === false &&
      bus !== undefined &&
      typeof controllerKey === 'number' &&
      typeof unitNumber === 'number'
        ? [
            {
              id: 'vmware.changed_block_tracking.disk.disabled',
              category: 'Warning',
              label: `Disk - ${printed(bus)}${controllerKey % 100}:${unitNumber} does not have CBT enabled`,
              assessment:
                'Changed Block Tracking (CBT) is not enabled for this disk. Warm migration needs ' +
                'CBT on every disk.',
            },
          ]
        : [],
    ),

  (vm) =>
    when(vm.consolidationNeeded === true, {
      id: 'vmware.consolidation_needed',
      category: 'Warning',
      label: 'Snapshot consolidation required',
      assessment:
        'The VM has snapshots that need consolidation. Until they are consolidated in vSphere, ' +
        'the precopies of a warm migration may be delayed.',
    }),

  (vm) =>
    when(hasElements(vm.cpuAffinity), {
      id: 'vmware.cpu_affinity.detected',
      category: 'Warning',
      label: 'CPU affinity detected',
      assessment:
        'The VM is migrated without its CPU affinity. An administrator can set CPU affinity ' +
        'again after the migration.',
    }),

  (vm) =>
    when(
      vm.cpuHotAddEnabled === true ||
        vm.cpuHotRemoveEnabled === true ||
        vm.memoryHotAddEnabled === true,
      {
        id: 'vmware.cpu_memory.hotplug.enabled',
        category: 'Warning',
        label: 'CPU/Memory hotplug detected',
        assessment:
          'Hot-pluggable CPU or memory is not supported by the target platform. Review the CPU ' +
          'and memory configuration after the migration.',
      },
    ),

  (vm) =>
    when(
      objectsIn(vm.disks).some((disk) => disk.datastore?.id === ''),
      {
        id: 'vmware.datastore.missing',
        category: 'Critical',
        label: 'Disk is not located on a datastore',
        assessment:
          'A disk of this VM is not located on a datastore, so the VM cannot be migrated.',
      },
    ),

  (vm) =>
    Array.isArray(vm.disks) && vm.disks.length > MAX_DISKS
      ? [diskCountConcern('vmware.disk.count.exceeds.limit', vm.disks.length)]
      : [],

  (vm) =>
    when(
      objectsIn(vm.disks).some((disk) => isIndependentMode(disk.mode)),
      {
        id: 'vmware.disk_mode.independent',
        category: 'Warning',
        label: 'Independent disk detected',
        assessment:
          'Independent disks cannot be transferred with VDDK unless storage copy offload (XCOPY) ' +
          'is used. Otherwise change the disks to Dependent mode before the migration.',
      },
    ),

  (vm) =>
    when(vm.diskEnableUuid === true && objectsIn(vm.disks).some((disk) => disk.bus === 'scsi'), {
      id: 'vmware.disk_serial.truncated',
      category: 'Information',
      label: 'Disk serial numbers may be truncated',
      assessment:
        'The VM has a SCSI disk and disk.EnableUUID is set, which suggests it relies on ' +
        'consistent SCSI disk serial numbers. These serial numbers are truncated after the ' +
        'migration.',
    }),

  (vm) =>
    objectsIn(vm.disks).flatMap(({ file, capacity }) =>
      file !== undefined && typeof capacity === 'number' && capacity <= 0
        ? [
            {
              id: 'vmware.disk.capacity.invalid',
              category: 'Critical',
              label: `Disk '${printed(file)}' has an invalid capacity of ${capacity} bytes`,
              assessment: `Disk '${printed(file)}' has a capacity of ${capacity} bytes. A disk's capacity must be greater than zero.`,
            },
          ]
        : [],
    ),

  // Forklift's Cluster has no dpmEnabled field, so on real vSphere data this rule stays inert,
  // as it is in Forklift; it fires for a workload that does carry the field.
  (vm) =>
    when(holds(vm.host?.cluster?.dpmEnabled), {
      id: 'vmware.dpm.enabled',
      category: 'Information',
      label: 'vSphere DPM detected',
      assessment:
        'vSphere Distributed Power Management is not supported by the target platform. The VM ' +
        'can be migrated but does not keep this feature.',
    }),

  (vm) =>
    when(holds(vm.host?.cluster?.drsEnabled), {
      id: 'vmware.drs.enabled',
      category: 'Information',
      label: 'VM running in a DRS-enabled cluster',
      assessment:
        'Distributed Resource Scheduler settings are not carried over. The VM can be migrated ' +
        'but does not keep this feature.',
    }),

  (vm) =>
    when(holds(vm.faultToleranceEnabled), {
      id: 'vmware.fault_tolerance.enabled',
      category: 'Information',
      label: 'Fault tolerance',
      assessment:
        'Fault tolerance is not supported by the target platform. The VM can be migrated but ' +
        'does not keep this feature.',
    }),

  // Shown in MB (whole, rounded down) so a filesystem just under its minimum never reads as
  // having the required amount.
  (vm) =>
    objectsIn(vm.guestDisks).flatMap(({ diskPath, freeSpace }) => {
      if (diskPath === undefined || typeof freeSpace !== 'number') return [];
      const required = requiredFreeMib(diskPath);
      return freeSpace < required * MIB
        ? [
            {
              id: 'vmware.guestDisks.freespace',
              category: 'Critical',
              label: `Insufficient free space for conversion on '${printed(diskPath)}'`,
              assessment:
                `The guest filesystem '${printed(diskPath)}' has ${Math.floor(freeSpace / MIB)} MB of ` +
                `free space, but the conversion needs at least ${required} MB. Free up space on ` +
                'this filesystem before the migration.',
            },
          ]
        : [];
    }),

  (vm) =>
    typeof vm.guestId === 'string' && vm.guestId.toLowerCase().includes('windows')
      ? objectsIn(vm.guestDisks)
          .filter(
            (disk) => disk.diskPath !== undefined && (disk.key === undefined || disk.key === 0),
          )
          .map((disk) => ({
            id: 'vmware.guestDisks.key.not_found',
            category: 'Information',
            label: `Missing disk key mapping for '${printed(disk.diskPath)}'`,
            assessment:
              'Without a disk key mapping, winDriveLetter cannot be resolved in PVC name ' +
              'templates for this filesystem.',
          }))
      : [],

  // vSphere data has no hostAffinityVms today, so like the DPM rule this one stays inert there.
  (vm) =>
    when(
      vm.id !== undefined &&
        objectsIn(vm.host?.cluster?.hostAffinityVms).some((ref) => ref.id === vm.id),
      {
        id: 'vmware.host_affinity.detected',
        category: 'Warning',
        label: 'VM-Host affinity detected',
        assessment:
          'The VM is migrated without its VM-Host affinity. An administrator can set node ' +
          'affinity after the migration.',
      },
    ),

  (vm) =>
    when(vm.hostName === '', {
      id: 'vmware.hostname.empty',
      category: 'Warning',
      label: 'Empty Host Name',
      assessment:
        'The VM reports no host name. The VM may be given a new host name during the migration.',
    }),

  (vm) =>
    when(vm.hostName === 'localhost.localdomain', {
      id: 'vmware.hostname.default',
      category: 'Warning',
      label: 'Default Host Name',
      assessment:
        "The VM's host name is the default 'localhost.localdomain'. The VM may be given a new " +
        'host name during the migration.',
    }),

  (vm) =>
    when(Array.isArray(vm.guestNetworks) && vm.guestNetworks.length === 0, {
      id: 'vmware.vm_missing_ip.detected',
      category: 'Warning',
      label: 'VM is missing IP addresses',
      assessment:
        'The VM reports no IP addresses. Preserving static IPs needs the VM to be powered on ' +
        'with VMware Tools running.',
    }),

  (vm) =>
    when(
      typeof vm.name === 'string' && !isValidVmName(vm.name),
      invalidNameConcern('vmware.vm.name.invalid'),
    ),

  (vm) =>
    when(hasElements(vm.numaNodeAffinity), {
      id: 'vmware.numa_affinity.detected',
      category: 'Warning',
      label: 'NUMA node affinity detected',
      assessment:
        'NUMA node affinity is not supported by the target platform. The VM is migrated ' +
        'without it.',
    }),

  (vm) =>
    when(hasDeviceOfKind(vm, 'VirtualPCIPassthrough'), {
      id: 'vmware.passthrough_device.detected',
      category: 'Critical',
      label: 'Passthrough device detected',
      assessment:
        'The VM has a PCI passthrough device, which cannot be migrated. Remove the device ' +
        'before migrating the VM.',
    }),

  (vm) =>
    when(
      objectsIn(vm.disks).some((disk) => holds(disk.rdm)),
      {
        id: 'vmware.disk.rdm.detected',
        category: 'Warning',
        label: 'Raw Device Mapped disk detected',
        assessment:
          'Raw Device Mapped (RDM) disks cannot be transferred with VDDK unless storage copy ' +
          'offload (XCOPY) is used.',
      },
    ),

  (vm) =>
    when(
      objectsIn(vm.disks).some((disk) => disk.shared === true),
      {
        id: 'vmware.disk.shared.detected',
        category: 'Warning',
        label: 'Shared disk detected',
        assessment:
          'A disk of this VM is shared with other VMs. Shared disks need special handling ' +
          'during the migration.',
      },
    ),

  (vm) =>
    when(vm.snapshot?.kind === 'VirtualMachineSnapshot', {
      id: 'vmware.snapshot.detected',
      category: 'Information',
      label: 'VM snapshot detected',
      assessment: 'The VM has a snapshot. It is migrated with the state of its current snapshot.',
    }),

  (vm) =>
    when(hasDeviceOfKind(vm, 'VirtualSriovEthernetCard'), {
      id: 'vmware.device.sriov.detected',
      category: 'Warning',
      label: 'SR-IOV passthrough adapter configuration detected',
      assessment:
        'The VM has an SR-IOV passthrough adapter. SR-IOV is not set up on the target ' +
        'automatically; configure it after the migration.',
    }),

  (vm) =>
    when(vm.tpmEnabled === true, {
      id: 'vmware.tpm.detected',
      category: 'Warning',
      label: 'TPM detected',
      assessment: 'The VM has a TPM device. TPM data is not transferred during the migration.',
    }),

  (vm) =>
    when(hasDeviceOfKind(vm, 'VirtualUSBController'), {
      id: 'vmware.usb_controller.detected',
      category: 'Warning',
      label: 'USB controller detected',
      assessment: 'The VM has a USB controller. USB devices are not migrated.',
    }),

  // Judged only when the VM names its OS somehow; an empty guestId still counts as naming it,
  // as in Forklift, so such a VM gets the warning unless its OS name is a supported one.
  (vm) => {
    const name = guestOsName(vm);
    const named = typeof vm.guestId === 'string' || name !== undefined;
    return when(named && !isSupportedOs(vm, name), {
      id: 'vmware.os.unsupported',
      category: 'Warning',
      label: 'Unsupported operating system detected',
      assessment:
        'The guest operating system is not supported by the Migration Toolkit for ' +
        'Virtualization.',
    });
  },
];

/** The concerns Forklift's vSphere rules raise for a workload, most severe first. */
export const validateVsphereWorkload = (workload: VsphereWorkload): Concern[] =>
  collectConcerns(RULES.flatMap((rule) => rule(workload)));
