// The shapes of Forklift's inventory JSON (reference inventory.md §1) that the BFF serves, its
// validation rules produce and the console plugin reads, declared once so the three cannot drift.

/** A reference to another inventory object, e.g. a VM's parent folder. */
export type Ref = { kind: string; id: string };

/** Most severe first, the order in which concerns are listed and counted. */
export const CONCERN_CATEGORIES = ['Critical', 'Warning', 'Information'] as const;

export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

/** A finding of a provider's validation rules about one VM. */
export type Concern = { id: string; label: string; category: ConcernCategory; assessment: string };

/** One VMkernel adapter of an inventory host (reference inventory.md §1.4 `networkAdapters`). */
export type NetworkAdapter = {
  name: string;
  ipAddress: string;
  subnetMask: string;
  linkSpeed: number;
  mtu: number;
};
