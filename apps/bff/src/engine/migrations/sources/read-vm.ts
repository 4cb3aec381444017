// A plan's VM reference resolved in its provider's inventory and read as a SourceVm: by id, else
// by name the way the plan checks resolve it (a vSphere inventory path or name, OpenShift
// `namespace/name` or name plus namespace). A name that matches several VMs reads as no VM.
import type { ProviderInventory } from '../../../inventory/provider-inventory.ts';
import { resolveSourceRef, type InventoryItem } from '../../maps/source-refs.ts';
import type { SourceVm } from '../source-vm.ts';
import type { Json } from './inventory-json.ts';
import { openshiftSourceVm } from './openshift-vm.ts';
import { ovaSourceVm } from './ova-vm.ts';
import type { SourceVmRef } from './source-adapter.ts';
import { vsphereSourceVm } from './vsphere-vm.ts';

/** The inventory's VM (full detail) a reference names, or undefined. */
export const findInventoryVm = (
  inventory: ProviderInventory,
  ref: SourceVmRef,
): Json | undefined => {
  let id = ref.id;
  if (!id) {
    const listed = (inventory.list('vms', { detail: 0 }) ?? []) as InventoryItem[];
    const resolved = resolveSourceRef(
      { name: ref.name, namespace: ref.namespace },
      listed,
      inventory.type,
    );
    if (resolved.state !== 'found') return undefined;
    id = resolved.ref.id;
  }
  if (!id) return undefined;
  const vm = inventory.get('vms', id) as Json | undefined;
  // The OpenShift inventory also answers a name for an id; a plan's id must be the uid.
  return vm && vm.id === id ? vm : undefined;
};

export const sourceVmOf = (inventory: ProviderInventory, vm: Json): SourceVm => {
  switch (inventory.type) {
    case 'vsphere':
      return vsphereSourceVm(vm);
    case 'ova':
      return ovaSourceVm(vm, inventory.shareDir);
    case 'openshift':
      return openshiftSourceVm(vm, inventory);
    default:
      throw new Error(`Migrating from ${inventory.type} providers is not supported`);
  }
};

export const readSourceVm = (
  inventory: ProviderInventory,
  ref: SourceVmRef,
): SourceVm | undefined => {
  const vm = findInventoryVm(inventory, ref);
  return vm ? sourceVmOf(inventory, vm) : undefined;
};
