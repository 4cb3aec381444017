import { useMemo } from 'react';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useInventory } from '../../../hooks/useInventory.ts';
import { useResources } from '../../../hooks/useResources.ts';
import { providerRows, type ProvidersInventory } from '../utils/provider-rows.ts';

/**
 * The active project's providers with their inventory counts. The list comes from Kubernetes, so
 * it shows even when the inventory cannot answer; only the counts are missing then.
 */
export const useProviderRows = () => {
  const { activeNamespace } = useConsoleHost();
  const providers = useResources<Provider>(ProviderModel);
  const inScope = activeNamespace ? `&namespace=${encodeURIComponent(activeNamespace)}` : '';
  const inventory = useInventory<ProvidersInventory>(`providers?detail=1${inScope}`);
  const rows = useMemo(
    () => providerRows(providers.data ?? [], inventory.data),
    [providers.data, inventory.data],
  );
  return {
    rows,
    isPending: providers.isPending,
    error: providers.error,
    inventoryError: inventory.error,
  };
};
