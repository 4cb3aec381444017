import { useMemo } from 'react';
import type { Provider } from '@forklift-console/api';
import {
  useSourceHosts,
  useSourceStorages,
  useSourceUsage,
  useTargetStorageClasses,
} from '../../hooks/useMapInventory.ts';
import { useCopyOffloadEnabled } from '../../hooks/useCopyOffloadEnabled.ts';
import { canSuggestMappings, usedSourceOptions } from '../../utils/map-inventory.ts';
import { suggestStorageRows } from '../utils/suggest-storage-rows.ts';
import type { StorageRow } from '../utils/storage-rows.ts';

/**
 * What the rows can name (the source's storages, the target's storage classes, a vSphere source's
 * hosts) and Suggest mappings; `suggest` is undefined while it cannot run.
 */
export const useStorageMapOptions = (
  source: Provider | undefined,
  target: Provider | undefined,
) => {
  const sources = useSourceStorages(source);
  const storageClasses = useTargetStorageClasses(target);
  const hosts = useSourceHosts(source);
  const usage = useSourceUsage(source);
  const isOffloadEnabled = useCopyOffloadEnabled();
  const canSuggest = canSuggestMappings({
    hasProviders: Boolean(source && target),
    usage,
    sources,
    targets: storageClasses,
  });
  const suggest = useMemo(() => {
    if (!canSuggest) return undefined;
    return (): StorageRow[] =>
      suggestStorageRows({
        usedStorages: usedSourceOptions(usage.storageIds, sources.items),
        storageClasses: storageClasses.items,
      });
  }, [canSuggest, usage.storageIds, sources.items, storageClasses.items]);
  return {
    sources: sources.items,
    storageClasses: storageClasses.items,
    // Offload options exist for vSphere sources, when the service offers copy offload.
    hosts: source?.spec?.type === 'vsphere' && isOffloadEnabled ? hosts.items : undefined,
    isLoading: sources.isLoading || storageClasses.isLoading,
    error: sources.error ?? storageClasses.error ?? usage.error,
    isSuggestionSupported: usage.isSupported,
    suggest,
  };
};

export type StorageMapOptions = ReturnType<typeof useStorageMapOptions>;
