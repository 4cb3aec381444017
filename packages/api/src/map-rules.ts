// Rules about NetworkMaps and StorageMaps that both the pages and the BFF apply, worded once.
import type { Plan } from './generated/crd-types.ts';
import type { ObjectMeta } from './object-meta.ts';

type Condition = { type?: string; status?: string };

/** Why a Plan's maps may not change: it is archived, a migration runs, or it has completed. */
export type OwnerPlanBlock = { reason: 'archived' | 'executing' | 'completed'; message: string };

const isTrue = (conditions: readonly Condition[] | undefined, type: string): boolean =>
  (conditions ?? []).some((condition) => condition.type === type && condition.status === 'True');

/**
 * Whether a map owned by `plan` may be edited or deleted. Forklift's plan controller copies maps
 * into the plan at the start of a migration; changing them while it runs, or after the plan has
 * finished or been archived, would make the plan's history lie about what was migrated.
 */
export const ownerPlanBlock = (plan: Pick<Plan, 'spec' | 'status'>): OwnerPlanBlock | undefined => {
  const conditions = plan.status?.conditions;
  if (plan.spec?.archived === true || isTrue(conditions, 'Archived')) {
    return { reason: 'archived', message: 'Owning plan is archived' };
  }
  if (isTrue(conditions, 'Executing')) {
    return { reason: 'executing', message: 'Owning plan is currently migrating' };
  }
  if (isTrue(conditions, 'Succeeded')) {
    return { reason: 'completed', message: 'Owning plan has completed' };
  }
  return undefined;
};

/** The name of the Plan that owns a map (an owner reference of kind Plan), if any. */
export const ownerPlanName = (metadata: ObjectMeta | undefined): string | undefined =>
  metadata?.ownerReferences?.find((owner) => owner.kind === 'Plan')?.name;

/**
 * Whether a plan migrating into `targetNamespace` can attach its VMs to a NetworkAttachmentDefinition
 * of `nadNamespace`: Multus resolves a VM's networks in the VM's own namespace or in `default`.
 */
export const isNadReachable = (nadNamespace: string, targetNamespace: string): boolean =>
  nadNamespace === targetNamespace || nadNamespace === 'default';

/** The vendors Forklift's vSphere XCOPY populator supports, with the names users know them by. */
export const STORAGE_VENDOR_PRODUCTS = [
  { value: 'ontap', label: 'NetApp ONTAP' },
  { value: 'pureFlashArray', label: 'Pure Storage FlashArray' },
  { value: 'powermax', label: 'Dell PowerMax' },
  { value: 'powerflex', label: 'Dell PowerFlex' },
  { value: 'powerstore', label: 'Dell PowerStore' },
  { value: 'primera3par', label: 'HPE Primera / 3PAR' },
  { value: 'flashsystem', label: 'IBM FlashSystem' },
  { value: 'vantara', label: 'Hitachi Vantara' },
  { value: 'infinibox', label: 'Infinidat InfiniBox' },
] as const;

export type StorageVendorProduct = (typeof STORAGE_VENDOR_PRODUCTS)[number]['value'];

export const isStorageVendorProduct = (value: string): value is StorageVendorProduct =>
  STORAGE_VENDOR_PRODUCTS.some((product) => product.value === value);

/** The offload options of one storage map row as a form holds them ('' = not chosen). */
export type OffloadOptions = {
  secretRef: string;
  storageVendorProduct: string;
  dedicatedMigrationHosts: readonly string[];
};

/**
 * All or nothing: once any offload option is given, the Secret and the vendor must be too (the
 * populator cannot reach the array without both). Dedicated hosts are optional, but they alone
 * mean the user meant to offload. Undefined when the row is complete or has no offload at all.
 */
export const offloadOptionsError = (options: OffloadOptions): string | undefined => {
  const started =
    options.secretRef !== '' ||
    options.storageVendorProduct !== '' ||
    options.dedicatedMigrationHosts.length > 0;
  if (!started) return undefined;
  const missing = [
    ...(options.secretRef === '' ? ['Storage secret'] : []),
    ...(options.storageVendorProduct === '' ? ['Storage product'] : []),
  ];
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} must be set when configuring offload options`;
};

/**
 * The map forms let only one row send VMs to the pod network: a VM has one pod interface, so a VM
 * on two such networks could not start. Forklift itself judges this per VM when a plan is
 * validated, and accepts such a map, so the BFF stores one it is sent (compatibility). Answers
 * the index of the second such row, or undefined.
 */
export const secondPodNetworkRow = (
  destinations: readonly { type?: string }[],
): number | undefined => {
  const pods = destinations.flatMap((destination, index) =>
    destination.type === 'pod' ? [index] : [],
  );
  return pods.length > 1 ? pods[1] : undefined;
};
