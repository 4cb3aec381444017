// An OVA inventory VM (Forklift's JSON, reference inventory.md §1.8 and §3.3) as the engine's
// SourceVm. An OVA is a file: it has no power, and its disks are files in the package.
import path from 'node:path';
import type { SourceVm } from '../source-vm.ts';
import { count, objectsIn, text, type Json } from './inventory-json.ts';

/**
 * The package's path within the share: the `.ova` file, or the folder of an extracted `.ovf`
 * (the conversion pod mounts the share and reads it there, as Forklift's does).
 */
export const ovaPathOf = (ovfPath: string, shareDir: string | undefined): string => {
  const absolute = path.resolve(ovfPath);
  const packagePath = absolute.toLowerCase().endsWith('.ovf') ? path.dirname(absolute) : absolute;
  return shareDir ? path.relative(path.resolve(shareDir), packagePath) : packagePath;
};

export const ovaSourceVm = (vm: Json, shareDir: string | undefined): SourceVm => {
  // NICs name their network; the network map keys networks by id.
  const networkIds = new Map(
    objectsIn(vm.networks).map((network) => [text(network.Name), text(network.ID)]),
  );
  const cores = Math.max(1, count(vm.coresPerSocket));
  return {
    providerType: 'ova',
    id: text(vm.id),
    name: text(vm.name),
    ...(text(vm.uuid) ? { uuid: text(vm.uuid) } : {}),
    powerState: 'Off',
    firmware: text(vm.firmware).toLowerCase() === 'efi' ? 'efi' : 'bios',
    secureBoot: vm.secureBoot === true,
    cpu: { sockets: Math.max(1, Math.floor(count(vm.cpuCount) / cores)), cores },
    // The scan converts the OVF's memory to MiB (unlike Forklift, which passes the raw number).
    memoryMiB: count(vm.memoryMB),
    disks: objectsIn(vm.disks).map((disk) => ({
      source: text(disk.Name),
      capacityBytes: count(disk.Capacity),
      // Forklift's OVA storage map has one storage per disk, with the disk's id.
      storage: text(disk.ID),
    })),
    nics: objectsIn(vm.nics).map((nic) => ({
      network: networkIds.get(text(nic.Network)) ?? '',
      ...(text(nic.MAC) ? { mac: text(nic.MAC).toLowerCase() } : {}),
    })),
    ...(text(vm.osType) ? { guestOs: text(vm.osType) } : {}),
    ovaPath: ovaPathOf(text(vm.ovfPath), shareDir),
  };
};
