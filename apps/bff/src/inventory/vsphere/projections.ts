// The lighter forms of inventory objects that `detail` asks for (reference inventory.md §1.2),
// memoized per object so a list of thousands costs a lookup per object once built. Frozen like
// the models they come from, so their JSON can be cached too.
import { resourceFieldsOf, type Resource } from './resource.ts';
import { VM_DETAIL_1_KEYS, type VsphereVm } from './vm-model.ts';

const detail0Forms = new WeakMap<Resource, Resource>();
const vmDetail1Forms = new WeakMap<VsphereVm, Resource>();

/** Detail 0: the common Resource fields. */
export const atDetail0 = (model: Resource): Resource => {
  let form = detail0Forms.get(model);
  if (!form) {
    form = Object.freeze(resourceFieldsOf(model));
    detail0Forms.set(model, form);
  }
  return form;
};

/** VMs have three tiers: Resource, Resource plus the detail-1 keys, and the full VM. */
export const vmAtDetail = (vm: VsphereVm, detail: number): Resource => {
  if (detail <= 0) return atDetail0(vm);
  if (detail >= 2) return vm;
  let form = vmDetail1Forms.get(vm);
  if (!form) {
    form = { ...resourceFieldsOf(vm) };
    for (const key of VM_DETAIL_1_KEYS) (form as Record<string, unknown>)[key] = vm[key];
    Object.freeze(form);
    vmDetail1Forms.set(vm, form);
  }
  return form;
};

/** Everything but VMs has two tiers: Resource, and the full object from detail 1. */
export const atDetail = (model: Resource, detail: number): Resource =>
  detail <= 0 ? atDetail0(model) : model;
