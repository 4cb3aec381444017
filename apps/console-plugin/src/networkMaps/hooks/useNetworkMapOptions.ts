import { useMemo } from 'react';
import { isNadReachable, type Provider } from '@forklift-console/api';
import {
  useSourceNetworks,
  useSourceUsage,
  useTargetNetworks,
} from '../../hooks/useMapInventory.ts';
import { canSuggestMappings, usedSourceOptions } from '../../utils/map-inventory.ts';
import { suggestNetworkRows } from '../utils/suggest-network-rows.ts';
import type { NetworkRow } from '../utils/network-rows.ts';

/**
 * What the rows can name (the source's networks, the target's NADs) and Suggest mappings, which
 * needs to know which networks the source's VMs use. `suggest` is undefined while it cannot run.
 * For a plan's map, only the NADs its VMs can attach to in the target project are offered: the
 * plan refuses any other (NetMapDestinationNADNotValid).
 */
export const useNetworkMapOptions = (
  source: Provider | undefined,
  target: Provider | undefined,
  targetProject: string,
  servesPlan = false,
) => {
  const sources = useSourceNetworks(source);
  const allTargets = useTargetNetworks(target);
  const targets = useMemo(
    () =>
      servesPlan
        ? {
            ...allTargets,
            items: allTargets.items.filter((nad) => isNadReachable(nad.namespace, targetProject)),
          }
        : allTargets,
    [allTargets, servesPlan, targetProject],
  );
  const usage = useSourceUsage(source);
  const canSuggest = canSuggestMappings({
    hasProviders: Boolean(source && target),
    usage,
    sources,
    targets,
  });
  const suggest = useMemo(() => {
    if (!canSuggest) return undefined;
    return (): NetworkRow[] =>
      suggestNetworkRows({
        usedNetworks: usedSourceOptions(usage.networkIds, sources.items),
        nads: targets.items,
        targetProject,
      });
  }, [canSuggest, usage.networkIds, sources.items, targets.items, targetProject]);
  return {
    sources: sources.items,
    targets: targets.items,
    isLoading: sources.isLoading || targets.isLoading,
    error: sources.error ?? targets.error ?? usage.error,
    isSuggestionSupported: usage.isSupported,
    suggest,
  };
};

export type NetworkMapOptions = ReturnType<typeof useNetworkMapOptions>;
