import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { createChangeInvalidator } from '../utils/change-invalidator.ts';

type ChangeMessage = { resource: string };

/** The query key of every plan's migration objects (DataVolumes, PVCs, Pods, VMs it made). */
export const MIGRATION_RESOURCES_KEY = 'migration-resources';

// The kinds a migration makes; the feed pushes only those labelled with a plan.
const MIGRATION_OBJECT_KINDS = new Set([
  'datavolumes',
  'persistentvolumeclaims',
  'pods',
  'virtualmachines',
]);

/** Which provider's inventory changed; without a provider (in a cluster) any of them may have. */
type InventoryMessage = { provider?: string; collections: string[] };

/**
 * Listens to the BFF's server push and marks exactly the stale queries, so pages never poll.
 * `ready` arrives on every (re)connect: whatever changed while disconnected is refetched then.
 */
export const useChangeFeed = (): void => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();

  useEffect(() => {
    const source = new EventSource(`${bffBaseUrl}/api/v1/events`);
    const { invalidate, stop } = createChangeInvalidator(queryClient);
    const onReady = () => {
      invalidate(['resources']);
      invalidate(['inventory']);
      invalidate([MIGRATION_RESOURCES_KEY]);
    };
    const onChange = (event: MessageEvent<string>) => {
      const change = JSON.parse(event.data) as ChangeMessage;
      invalidate(['resources', change.resource]);
      // The inventory's provider list carries each Provider resource and its status.
      if (change.resource === 'providers') {
        invalidate(['inventory', 'providers']);
      }
      if (MIGRATION_OBJECT_KINDS.has(change.resource)) invalidate([MIGRATION_RESOURCES_KEY]);
    };
    const onInventory = (event: MessageEvent<string>) => {
      const change = JSON.parse(event.data) as InventoryMessage;
      // Counts on the provider list change with any provider's inventory.
      invalidate(['inventory', 'providers']);
      invalidate(change.provider ? ['inventory', change.provider] : ['inventory']);
    };
    source.addEventListener('ready', onReady);
    source.addEventListener('change', onChange);
    source.addEventListener('inventory', onInventory);
    return () => {
      source.close();
      stop();
    };
  }, [bffBaseUrl, queryClient]);
};
