// A vSphere inventory VM (Forklift's JSON, reference inventory.md §1.4) as the engine's SourceVm.
import type { PowerState, SourceDisk, SourceVm } from '../source-vm.ts';
import { count, idOf, objectsIn, text, type Json } from './inventory-json.ts';

/**
 * Forklift's vSphere client reports poweredOn as On, poweredOff as Off and anything else
 * (suspended, or no state at all) as Unknown; so do we. A suspended VM is then powered off by
 * PowerOffVM_Task (its tools are not running) and is not powered on again at the target (`auto`
 * restores only On).
 */
export const vspherePowerState = (runtimePowerState: string): PowerState =>
  runtimePowerState === 'poweredOn' ? 'On' : runtimePowerState === 'poweredOff' ? 'Off' : 'Unknown';

// VMware's firmware probes the buses in this order; Forklift's builder numbers disks the same way
// (sortedDisksAsVmware), so disk i here is the i-th volume of the target VM.
const VMWARE_BUS_ORDER = ['sata', 'nvme', 'ide', 'scsi'];

const busRank = (bus: string) => {
  const rank = VMWARE_BUS_ORDER.indexOf(bus);
  return rank < 0 ? VMWARE_BUS_ORDER.length : rank;
};

/** `[ds] vm/vm-000001.vmdk` → `[ds] vm/vm.vmdk`: a snapshot's delta names its base disk. */
export const baseVolume = (file: string): string => file.replace(/-\d{6}\.vmdk$/, '.vmdk');

const sortedAsVmware = (disks: Json[]): Json[] =>
  [...disks].sort(
    (a, b) =>
      busRank(text(a.bus)) - busRank(text(b.bus)) ||
      count(a.controllerKey) - count(b.controllerKey) ||
      count(a.unitNumber) - count(b.unitNumber) ||
      count(a.key) - count(b.key),
  );

const diskOf = (disk: Json): SourceDisk => ({
  source: baseVolume(text(disk.file)),
  capacityBytes: count(disk.capacity),
  storage: idOf(disk.datastore),
  key: count(disk.key),
  ...(text(disk.bus) ? { bus: text(disk.bus) } : {}),
  shared: disk.shared === true,
  ...(text(disk.serial) ? { serial: text(disk.serial) } : {}),
});

export const vsphereSourceVm = (vm: Json): SourceVm => {
  const cores = Math.max(1, count(vm.coresPerSocket));
  return {
    providerType: 'vsphere',
    id: text(vm.id),
    name: text(vm.name),
    ...(text(vm.uuid) ? { uuid: text(vm.uuid) } : {}),
    powerState: vspherePowerState(text(vm.powerState)),
    firmware: text(vm.firmware) === 'efi' ? 'efi' : 'bios',
    secureBoot: vm.secureBoot === true,
    cpu: { sockets: Math.max(1, Math.floor(count(vm.cpuCount) / cores)), cores },
    memoryMiB: count(vm.memoryMB),
    disks: sortedAsVmware(objectsIn(vm.disks)).map(diskOf),
    nics: objectsIn(vm.nics).map((nic) => ({
      network: idOf(nic.network),
      ...(text(nic.mac) ? { mac: text(nic.mac).toLowerCase() } : {}),
      startConnected: nic.startConnected !== false,
      ...(text(nic.pciAddress) ? { pciAddress: text(nic.pciAddress) } : {}),
    })),
    ...(text(vm.host) ? { hostId: text(vm.host) } : {}),
    ...(text(vm.guestId) ? { guestOs: text(vm.guestId) } : {}),
  };
};
