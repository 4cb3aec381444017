// The qemu-system-x86_64 command line of a VirtualMachineInstance, as virt-launcher's domain would
// be: q35, the spec's memory, CPU topology, firmware, disks on their bus in boot order, NICs with
// their MACs on user-mode networking, no display, the serial console into a file and QMP on a
// socket. Pure: the reconcile resolves volumes and firmware files first.
import { createHash } from 'node:crypto';
import { quantityBytes } from '@forklift-console/api';
import { MACHINE_TYPE, type Accelerator } from './accelerator.ts';
import type { VirtualMachineInstance, VmiDisk, VmiInterface, VmiSpec } from './types.ts';

/** KubeVirt's default machine type. */

/** What a disk's volume is on this machine: a raw file. */
export type DiskFile = { file: string; readOnly: boolean };

export type Firmware =
  { kind: 'bios' } | { kind: 'efi'; code: string; vars: string; secureBoot: boolean };

export type QemuLaunch = {
  vmi: VirtualMachineInstance;
  accelerator: Accelerator;
  /** Volume name → its file. */
  disks: Map<string, DiskFile>;
  firmware: Firmware;
  qmpSocket: string;
  serialLog: string;
};

/** Why a VMI cannot be turned into a command line. */
export type Refusal = { reason: string; message: string };

/** QEMU option values separate parameters with commas; a comma inside a value is doubled. */
const escape = (value: string): string => value.replaceAll(',', ',,');

const guestMemoryBytes = (spec: VmiSpec): number | undefined => {
  const { memory, resources } = spec.domain;
  const quantity = memory?.guest ?? resources?.requests?.memory ?? resources?.limits?.memory;
  return quantity === undefined ? undefined : quantityBytes(String(quantity));
};

export const cpuTopology = (spec: VmiSpec) => ({
  sockets: spec.domain.cpu?.sockets ?? 1,
  cores: spec.domain.cpu?.cores ?? 1,
  threads: spec.domain.cpu?.threads ?? 1,
});

/** A stable, locally administered MAC for a NIC that names none, as KubeVirt generates one. */
const generatedMac = (uid: string, name: string): string => {
  const bytes = createHash('sha256').update(`${uid}/${name}`).digest().subarray(0, 5);
  return ['02', ...[...bytes].map((byte) => byte.toString(16).padStart(2, '0'))].join(':');
};

/** The NICs: the spec's, or the pod network's default one KubeVirt attaches when there are none. */
export const interfacesOf = (vmi: VirtualMachineInstance): (VmiInterface & { mac: string })[] => {
  const devices = vmi.spec.domain.devices ?? {};
  const declared =
    devices.interfaces && devices.interfaces.length > 0
      ? devices.interfaces
      : devices.autoattachPodInterface === false || (vmi.spec.networks ?? []).length > 0
        ? []
        : [{ name: 'default' }];
  return declared.map((nic) => ({
    ...nic,
    mac: nic.macAddress?.toLowerCase() ?? generatedMac(vmi.metadata.uid ?? '', nic.name),
  }));
};

const NIC_MODELS: Record<string, string> = {
  virtio: 'virtio-net-pci',
  e1000: 'e1000',
  e1000e: 'e1000e',
  rtl8139: 'rtl8139',
  ne2k_pci: 'ne2k_pci',
  pcnet: 'pcnet',
};

const SATA_PORTS = 6;

const busOf = (disk: VmiDisk): string =>
  (disk.disk ?? disk.cdrom ?? disk.lun)?.bus ?? (disk.cdrom ? 'sata' : 'virtio');

/** A disk's bus, NIC's model or volume's type the launcher cannot give the guest. */
export const commandRefusal = (vmi: VirtualMachineInstance): Refusal | undefined => {
  if (guestMemoryBytes(vmi.spec) === undefined) {
    return {
      reason: 'MemoryNotSet',
      message:
        'spec.domain.memory.guest or spec.domain.resources.requests.memory must say how much memory the guest has',
    };
  }
  for (const disk of vmi.spec.domain.devices?.disks ?? []) {
    if (!['virtio', 'sata', 'scsi'].includes(busOf(disk))) {
      return {
        reason: 'UnsupportedDiskBus',
        message: `disk ${disk.name}: bus ${busOf(disk)} is not supported here (virtio, sata or scsi)`,
      };
    }
  }
  if (
    (vmi.spec.domain.devices?.disks ?? []).filter((disk) => busOf(disk) === 'sata').length >
    SATA_PORTS
  ) {
    return {
      reason: 'TooManySataDisks',
      message: `at most ${SATA_PORTS} disks fit on the sata bus`,
    };
  }
  for (const nic of interfacesOf(vmi)) {
    if (nic.model && !NIC_MODELS[nic.model]) {
      return {
        reason: 'UnsupportedInterfaceModel',
        message: `interface ${nic.name}: model ${nic.model} is not supported (${Object.keys(NIC_MODELS).join(', ')})`,
      };
    }
  }
  return undefined;
};

const diskArguments = (disks: VmiDisk[], files: Map<string, DiskFile>): string[] => {
  const anyBootOrder = disks.some((disk) => disk.bootOrder !== undefined);
  const args: string[] = [];
  let sataPort = 0;
  let scsiController = false;
  disks.forEach((disk, index) => {
    const file = files.get(disk.name);
    // A disk whose volume is not a file here (cloud-init) is not attached; the reconcile says so.
    if (!file) return;
    const cdrom = disk.cdrom !== undefined;
    const readOnly = file.readOnly || cdrom || disk.disk?.readonly === true;
    const drive = `drive-${disk.name}`;
    args.push(
      '-drive',
      `if=none,id=${drive},file=${escape(file.file)},format=raw${readOnly ? ',readonly=on' : ''}${
        // A disk shared between VMs (Forklift marks them shareable) must not be locked by one.
        disk.shareable ? ',file.locking=off' : ''
      }`,
    );
    // Without any bootOrder the first disk boots, as libvirt's default does.
    const bootIndex = anyBootOrder ? disk.bootOrder : index === 0 ? 1 : undefined;
    const extras = `${bootIndex !== undefined ? `,bootindex=${bootIndex}` : ''}${disk.serial ? `,serial=${escape(disk.serial)}` : ''}`;
    const bus = busOf(disk);
    if (bus === 'sata') {
      args.push(
        '-device',
        `${cdrom ? 'ide-cd' : 'ide-hd'},bus=ide.${sataPort},drive=${drive},id=ua-${disk.name}${extras}`,
      );
      sataPort += 1;
    } else if (bus === 'scsi') {
      if (!scsiController) args.push('-device', 'virtio-scsi-pci,id=scsi0');
      scsiController = true;
      args.push(
        '-device',
        `${cdrom ? 'scsi-cd' : 'scsi-hd'},bus=scsi0.0,drive=${drive},id=ua-${disk.name}${extras}`,
      );
    } else {
      args.push('-device', `virtio-blk-pci,drive=${drive},id=ua-${disk.name}${extras}`);
    }
  });
  return args;
};

const firmwareArguments = (firmware: Firmware): { machine: string; args: string[] } => {
  if (firmware.kind === 'bios') return { machine: MACHINE_TYPE, args: [] };
  return {
    // OVMF's secure-boot build needs SMM, with its flash writable only from SMM.
    machine: firmware.secureBoot ? `${MACHINE_TYPE},smm=on` : MACHINE_TYPE,
    args: [
      ...(firmware.secureBoot ? ['-global', 'driver=cfi.pflash01,property=secure,value=on'] : []),
      ...['-drive', `if=pflash,format=raw,unit=0,readonly=on,file=${escape(firmware.code)}`],
      ...['-drive', `if=pflash,format=raw,unit=1,file=${escape(firmware.vars)}`],
    ],
  };
};

export const qemuArguments = ({
  vmi,
  accelerator,
  disks,
  firmware,
  qmpSocket,
  serialLog,
}: QemuLaunch): string[] => {
  const { spec, metadata } = vmi;
  const memoryMiB = Math.ceil((guestMemoryBytes(spec) ?? 0) / 2 ** 20);
  const { sockets, cores, threads } = cpuTopology(spec);
  const { machine, args: firmwareArgs } = firmwareArguments(firmware);
  const devices = spec.domain.devices ?? {};
  const nics = interfacesOf(vmi).flatMap((nic) => [
    ...['-netdev', `user,id=net-${nic.name}`],
    ...[
      '-device',
      `${NIC_MODELS[nic.model ?? 'virtio']},netdev=net-${nic.name},mac=${nic.mac},id=ua-${nic.name}${nic.bootOrder !== undefined ? `,bootindex=${nic.bootOrder}` : ''}`,
    ],
  ]);
  const smbiosSerial = spec.domain.firmware?.serial;
  return [
    ...['-name', `guest=${escape(`${metadata.namespace}_${metadata.name}`)}`],
    ...['-machine', machine, '-accel', accelerator],
    ...(accelerator === 'kvm' ? ['-cpu', 'host'] : []),
    ...['-m', `${memoryMiB}M`],
    ...[
      '-smp',
      `${sockets * cores * threads},sockets=${sockets},cores=${cores},threads=${threads}`,
    ],
    ...(spec.domain.firmware?.uuid ? ['-uuid', spec.domain.firmware.uuid] : []),
    ...(smbiosSerial ? ['-smbios', `type=1,serial=${escape(smbiosSerial)}`] : []),
    ...['-no-user-config', '-nodefaults', '-display', 'none'],
    ...(devices.autoattachGraphicsDevice === false ? [] : ['-device', 'VGA']),
    ...firmwareArgs,
    ...diskArguments(devices.disks ?? [], disks),
    ...nics,
    ...[
      '-chardev',
      `file,id=serial0,path=${escape(serialLog)},append=on`,
      '-serial',
      'chardev:serial0',
    ],
    ...['-qmp', `unix:${escape(qmpSocket)},server=on,wait=off`],
  ];
};
