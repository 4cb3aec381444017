// Scanned OVA VMs → Forklift's OVA inventory shapes (reference inventory.md §1.8): a Resource
// without revision whose path is its id, camelCase VM fields, PascalCase nested objects.
import { OVA_RULES_VERSION, validateOvaWorkload } from '../../validation/ova.ts';
import type { OvaVm } from './scan.ts';

export type OvaResource = { id: string; name: string; selfLink: string; path: string };
export type OvaModels = Record<OvaCollection, Map<string, Record<string, unknown>>>;

export const OVA_COLLECTIONS = ['vms', 'networks', 'disks', 'storages'] as const;
export type OvaCollection = (typeof OVA_COLLECTIONS)[number];

const resource = (providerUid: string, collection: string, id: string, name: string) => ({
  id,
  name,
  selfLink: `providers/ova/${providerUid}/${collection}/${id}`,
  path: id,
});

const toVm = (providerUid: string, vm: OvaVm): Record<string, unknown> => {
  const full = {
    ...resource(providerUid, 'vms', vm.uuid, vm.name),
    ovfPath: vm.ovfPath,
    exportSource: vm.exportSource,
    osType: vm.osType,
    policyVersion: OVA_RULES_VERSION,
    uuid: vm.uuid,
    firmware: vm.firmware,
    secureBoot: vm.secureBoot,
    cpuAffinity: [],
    cpuHotAddEnabled: vm.cpuHotAddEnabled,
    cpuHotRemoveEnabled: vm.cpuHotRemoveEnabled,
    memoryHotAddEnabled: vm.memoryHotAddEnabled,
    faultToleranceEnabled: false,
    cpuCount: vm.cpuCount,
    coresPerSocket: vm.coresPerSocket,
    memoryMB: vm.memoryMB,
    memoryUnits: vm.memoryUnits,
    cpuUnits: vm.cpuUnits,
    balloonedMemory: 0,
    ipAddress: '',
    numaNodeAffinity: [],
    storageUsed: 0,
    changeTrackingEnabled: false,
    devices: vm.devices,
    nics: vm.nics,
    disks: vm.disks.map((disk) => ({ ...disk, Variant: '', Revision: 1 })),
    networks: vm.networks.map((network) => ({ ...network, Variant: '', Revision: 1 })),
    // Validated as it is built, so it is always current (Forklift's revision is always 1 here).
    revisionValidated: 1,
  };
  return { ...full, concerns: validateOvaWorkload(full) };
};

/** The four collections of one scan, keyed by id; the first VM to name a disk or network wins. */
export const buildOvaModels = (providerUid: string, vms: readonly OvaVm[]): OvaModels => {
  const models: OvaModels = {
    vms: new Map(),
    networks: new Map(),
    disks: new Map(),
    storages: new Map(),
  };
  for (const vm of vms) {
    if (!models.vms.has(vm.uuid)) models.vms.set(vm.uuid, toVm(providerUid, vm));
    for (const { ID, Name, Description } of vm.networks) {
      if (models.networks.has(ID)) continue;
      models.networks.set(ID, { ...resource(providerUid, 'networks', ID, Name), Description });
    }
    for (const disk of vm.disks) {
      if (models.disks.has(disk.ID)) continue;
      const { ID, Name, FilePath, Capacity, CapacityAllocationUnits, DiskId, FileRef } = disk;
      models.disks.set(ID, {
        ...resource(providerUid, 'disks', ID, Name),
        FilePath,
        Capacity,
        CapacityAllocationUnits,
        DiskId,
        FileRef,
        Format: disk.Format,
        PopulatedSize: disk.PopulatedSize,
      });
      // Forklift's storage map lists one storage per disk, named after the disk file.
      models.storages.set(ID, resource(providerUid, 'storages', ID, Name));
    }
  }
  return models;
};

const VM1_KEYS = ['revisionValidated', 'disks', 'concerns'];
const RESOURCE_KEYS = ['id', 'name', 'selfLink', 'path'];

/** A model at a list detail level: 0 = Resource; VMs at 1 are Forklift's VM1 (networks null). */
export const ovaAtDetail = (
  collection: string,
  model: Record<string, unknown>,
  detail: number,
): Record<string, unknown> => {
  const pick = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, model[key]]));
  if (detail <= 0) return pick(RESOURCE_KEYS);
  if (collection === 'vms' && detail === 1) {
    return { ...pick([...RESOURCE_KEYS, ...VM1_KEYS]), networks: null };
  }
  return model;
};
