// Starts the inventory of a Provider whose connection test passed: vSphere's collector, or the scan
// of an OVA provider's share folder. The provider controller never asks for another type.
import type { Provider } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { createVsphereInventory } from '../../inventory/vsphere/vsphere-inventory.ts';
import { createOvaInventory } from '../../inventory/ova/ova-inventory.ts';
import { localShareDir } from '../../inventory/ova/share.ts';
import { vsphereConnectionOf } from './vsphere-connection.ts';

export type InventoryStarterContext = {
  /** The local folder under which OVA providers' NFS shares are found (config ovaShareRoot). */
  ovaShareRoot: string;
};

export type InventoryStarter = (
  provider: Provider,
  secretData: Record<string, string>,
  context: InventoryStarterContext,
) => ProviderInventory;

export const startProviderInventory: InventoryStarter = (provider, secretData, context) => {
  const providerUid = provider.metadata?.uid ?? '';
  if (provider.spec?.type === 'ova') {
    return createOvaInventory({
      providerUid,
      shareDir: localShareDir(provider.spec.url ?? '', context.ovaShareRoot),
    });
  }
  if (provider.spec?.type !== 'vsphere') {
    throw new Error(`No inventory for ${provider.spec?.type} providers`);
  }
  const { sdkUrl, username, password, tls } = vsphereConnectionOf(provider, secretData);
  return createVsphereInventory({ providerUid, sdkUrl, username, password, tls });
};
