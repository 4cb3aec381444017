import type { Provider } from '@forklift-console/api';
import { useInventory } from '../../../hooks/useInventory.ts';
import { inventoryState, type InventoryState } from '../utils/inventory-state.ts';

/**
 * A read of the provider's own inventory (`providers/<type>/<uid><subpath>`), e.g. `/vms` or
 * `/hosts?detail=1`, as loading, ready or failed. Kept fresh by the pushes for this provider.
 */
export const useProviderInventory = <T>(
  provider: Provider,
  subpath = '',
  enabled = true,
): InventoryState<T> => {
  const uid = provider.metadata?.uid;
  const type = provider.spec?.type;
  const query = useInventory<T>(`providers/${type}/${uid}${subpath}`, {
    providerUid: uid,
    enabled: enabled && Boolean(uid && type),
  });
  return inventoryState(query);
};
