import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { fetchBffJson } from '../utils/bff.ts';

/** Where the BFF serves Forklift's inventory API (the paths below it are Forklift's own). */
export const INVENTORY_API = '/api/v1/inventory';

/**
 * Query keys for inventory reads: `['inventory', <provider uid or 'providers'>, <path>]`, so a
 * change the BFF pushes for one provider invalidates only that provider's queries.
 */
export const inventoryQueryKey = (providerUid: string | undefined, path: string) =>
  ['inventory', providerUid ?? 'providers', path] as const;

/**
 * A read of the inventory API, e.g. `providers/vsphere/<uid>/vms`, kept fresh by server push.
 * `providerUid` names the provider whose changes make it stale (none: the provider list).
 * Pass `enabled: false` while what the path needs is still loading.
 */
export const useInventory = <T>(
  path: string,
  { providerUid, enabled = true }: { providerUid?: string; enabled?: boolean } = {},
) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: inventoryQueryKey(providerUid, path),
    queryFn: () => fetchBffJson<T>(bffBaseUrl, `${INVENTORY_API}/${path}`),
    enabled,
  });
};
