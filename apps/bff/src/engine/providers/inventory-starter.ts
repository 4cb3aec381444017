// Starts the inventory of a Provider whose connection test passed. Only vSphere has one so far;
// the provider controller never asks for another type.
import type { Provider } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { createVsphereInventory } from '../../inventory/vsphere/vsphere-inventory.ts';
import { vsphereConnectionOf } from './vsphere-connection.ts';

export type InventoryStarter = (
  provider: Provider,
  secretData: Record<string, string>,
) => ProviderInventory;

export const startProviderInventory: InventoryStarter = (provider, secretData) => {
  if (provider.spec?.type !== 'vsphere') {
    throw new Error(`No inventory for ${provider.spec?.type} providers`);
  }
  const { sdkUrl, username, password, tls } = vsphereConnectionOf(provider, secretData);
  return createVsphereInventory({
    providerUid: provider.metadata?.uid ?? '',
    sdkUrl,
    username,
    password,
    tls,
  });
};
