// One row of the Providers list: the Provider resource joined with what the inventory counted.
// Counts exist only while that provider's inventory is loaded, so every count may be unknown.
import type { Provider } from '@forklift-console/api';
import {
  isFailedPhase,
  providerFailureMessage,
  providerPhase,
} from '../../utils/provider-status.ts';

/** An element of the inventory's `providers?detail=1` answer (reference inventory.md §1.3). */
export type InventoryProvider = { uid: string } & Record<string, unknown>;

/** `providers?detail=1`: the providers of each type. */
export type ProvidersInventory = Record<string, InventoryProvider[] | undefined>;

export type ProviderCounts = {
  vms?: number;
  networks?: number;
  hosts?: number;
  storage?: number;
};

export type ProviderRow = {
  uid: string;
  name: string;
  namespace: string;
  type: string;
  phase: string;
  /** Set for a failed phase when a condition says why. */
  failureMessage?: string;
  url?: string;
  counts: ProviderCounts;
};

// What "storage" is in each platform: datastores, storage domains, volume types, storage classes…
const STORAGE_COUNT_FIELD: Record<string, string> = {
  vsphere: 'datastoreCount',
  ova: 'storageCount',
  openshift: 'storageClassCount',
  ovirt: 'storageDomainCount',
  openstack: 'volumeTypeCount',
  hyperv: 'storageCount',
  ec2: 'storageCount',
  nutanix: 'storageContainerCount',
};

const countField = (entry: InventoryProvider | undefined, field: string | undefined) => {
  const value = field ? entry?.[field] : undefined;
  return typeof value === 'number' ? value : undefined;
};

export const providerCounts = (
  type: string,
  entry: InventoryProvider | undefined,
): ProviderCounts => ({
  vms: countField(entry, 'vmCount'),
  networks: countField(entry, 'networkCount'),
  hosts: countField(entry, 'hostCount'),
  storage: countField(entry, STORAGE_COUNT_FIELD[type]),
});

const inventoryByUid = (inventory: ProvidersInventory | undefined) =>
  new Map(
    Object.values(inventory ?? {})
      .flatMap((entries) => entries ?? [])
      .map((entry) => [entry.uid, entry]),
  );

export const providerRows = (
  providers: readonly Provider[],
  inventory: ProvidersInventory | undefined,
): ProviderRow[] => {
  const entries = inventoryByUid(inventory);
  return providers.map((provider) => {
    const uid = provider.metadata?.uid ?? '';
    const type = provider.spec?.type ?? '';
    const phase = providerPhase(provider);
    return {
      uid,
      name: provider.metadata?.name ?? '',
      namespace: provider.metadata?.namespace ?? '',
      type,
      phase,
      failureMessage: isFailedPhase(phase) ? providerFailureMessage(provider) : undefined,
      url: provider.spec?.url || undefined,
      counts: providerCounts(type, entries.get(uid)),
    };
  });
};
