// An OpenShift (KubeVirt) inventory VM — the VirtualMachine object itself, with its instance while
// it runs (reference inventory.md §1.7) — as the engine's SourceVm. The maps key what it uses by
// name, as Forklift's OCP builder does: disks by their claim's StorageClass, NICs by `pod` or the
// NAD's `namespace/name`.
import { quantityBytes } from '@forklift-console/api';
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import type { PowerState, SourceVm } from '../source-vm.ts';
import { count, objectAt, objectsIn, text, type Json } from './inventory-json.ts';

/** The network map's key of the pod network. */
export const POD_NETWORK = 'pod';

// printableStatus values under which a VMI exists (or is being torn down): the guest is not off.
const ACTIVE_STATUSES = new Set([
  'Running',
  'Starting',
  'Stopping',
  'Paused',
  'Migrating',
  'Terminating',
]);

const RUNNING_STRATEGIES = new Set(['Always', 'RerunOnFailure']);

/**
 * What KubeVirt says of the VM: Stopped is off; a status with a running instance is on. Without
 * either (no status yet, or a status such as Provisioning), an instance means on, and otherwise
 * what the VM asks for decides, so a VM about to start is remembered as on.
 */
export const openshiftPowerState = (vm: Json, hasInstance: boolean): PowerState => {
  const printableStatus = text(objectAt(vm, 'status')?.printableStatus);
  if (printableStatus === 'Stopped') return 'Off';
  if (ACTIVE_STATUSES.has(printableStatus) || hasInstance) return 'On';
  const spec = objectAt(vm, 'spec');
  return spec?.running === true || RUNNING_STRATEGIES.has(text(spec?.runStrategy)) ? 'On' : 'Off';
};

/** A multus networkName (`ns/name`, or a bare name in the VM's namespace) as `ns/name`. */
export const nadKey = (networkName: string, vmNamespace: string): string =>
  networkName.includes('/') ? networkName : `${vmNamespace}/${networkName}`;

const mebibytes = (quantity: string): number => {
  try {
    return Math.ceil(quantityBytes(quantity) / 2 ** 20);
  } catch {
    return 0;
  }
};

const bytes = (quantity: string): number => {
  try {
    return quantityBytes(quantity);
  } catch {
    return 0;
  }
};

type Listed = { name: string; namespace?: string; object?: Json };

export const openshiftSourceVm = (item: Json, inventory: ProviderInventory): SourceVm => {
  const namespace = text(item.namespace);
  const object = objectAt(item, 'object') ?? {};
  const template = objectAt(object, 'spec', 'template', 'spec') ?? {};
  const domain = objectAt(template, 'domain') ?? {};
  const devices = objectAt(domain, 'devices') ?? {};
  const diskDevices = objectsIn(devices.disks);
  const interfaces = objectsIn(devices.interfaces);
  const claims = (inventory.list('persistentvolumeclaims', { detail: 1, namespace }) ??
    []) as Listed[];

  // A DataVolume's claim has the DataVolume's name, so both kinds of volume lead to a claim.
  const disks = objectsIn(template.volumes).flatMap((volume) => {
    const claimName =
      text(objectAt(volume, 'persistentVolumeClaim')?.claimName) ||
      text(objectAt(volume, 'dataVolume')?.name);
    if (!claimName) return [];
    const claim = claims.find((candidate) => candidate.name === claimName)?.object;
    const device = diskDevices.find((candidate) => candidate.name === volume.name);
    const bus = text(objectAt(device, 'disk')?.bus) || text(objectAt(device, 'lun')?.bus);
    const capacity =
      text(objectAt(claim, 'status', 'capacity')?.storage) ||
      text(objectAt(claim, 'spec', 'resources', 'requests')?.storage);
    return [
      {
        source: `${namespace}/${claimName}`,
        capacityBytes: bytes(capacity),
        storage: text(objectAt(claim, 'spec')?.storageClassName),
        ...(bus ? { bus } : {}),
        shared: device?.shareable === true,
        ...(text(device?.serial) ? { serial: text(device?.serial) } : {}),
      },
    ];
  });

  const nics = objectsIn(template.networks).map((network) => {
    const nic = interfaces.find((candidate) => candidate.name === network.name);
    const mac = text(nic?.macAddress).toLowerCase();
    const multus = text(objectAt(network, 'multus')?.networkName);
    return {
      network: network.pod !== undefined || !multus ? POD_NETWORK : nadKey(multus, namespace),
      ...(mac ? { mac } : {}),
      startConnected: nic?.state !== 'down',
    };
  });

  const cpu = objectAt(domain, 'cpu') ?? {};
  const efi = objectAt(domain, 'firmware', 'bootloader', 'efi');
  const memory =
    text(objectAt(domain, 'memory')?.guest) ||
    text(objectAt(domain, 'resources', 'requests')?.memory);
  const guestOs = text(
    objectAt(object, 'spec', 'template', 'metadata', 'annotations')?.['vm.kubevirt.io/os'],
  );
  const firmwareUuid = text(objectAt(domain, 'firmware')?.uuid);
  return {
    providerType: 'openshift',
    id: text(item.id),
    name: text(item.name),
    namespace,
    ...(firmwareUuid ? { uuid: firmwareUuid } : {}),
    powerState: openshiftPowerState(object, item.instance !== undefined),
    firmware: efi ? 'efi' : 'bios',
    // KubeVirt turns Secure Boot on for EFI unless it is switched off.
    ...(efi ? { secureBoot: efi.secureBoot !== false } : {}),
    cpu: { sockets: Math.max(1, count(cpu.sockets)), cores: Math.max(1, count(cpu.cores)) },
    memoryMiB: mebibytes(memory),
    disks,
    nics,
    ...(guestOs ? { guestOs } : {}),
    object,
  };
};
