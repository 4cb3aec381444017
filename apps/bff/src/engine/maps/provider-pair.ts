// The provider pair a NetworkMap or StorageMap names (reference engine.md §4, provider-pair rows):
// each must be set and exist, the destination must be an openshift provider, and both must be
// Ready before the map's entries can be judged against their inventories.
import type { Provider } from '@forklift-console/api';
import type { ConditionInput } from '../conditions.ts';

export type ProviderRef = { name?: string; namespace?: string };

/** Finds a Provider by namespace and name (the engine's provider watch). */
export type ProviderLookup = (namespace: string, name: string) => Provider | undefined;

export type ProviderSide = 'source' | 'destination';

/** The provider of one side, and whether its entries can be checked against it. */
export type ResolvedProvider =
  | { state: 'notSet' | 'notFound' | 'notReady'; label: string }
  | { state: 'typeNotValid'; label: string; type: string }
  | { state: 'ready'; label: string; provider: Provider };

const CONDITION_PREFIX: Record<ProviderSide, string> = {
  source: 'Source',
  destination: 'Destination',
};

/** A reference without a namespace means the map's own namespace, as for Secrets. */
export const providerLocation = (ref: ProviderRef | undefined, mapNamespace: string) =>
  ref?.name ? { name: ref.name, namespace: ref.namespace || mapNamespace } : undefined;

export const isProviderReady = (provider: Provider): boolean =>
  Boolean(
    provider.status?.conditions?.some(
      (condition) => condition.type === 'Ready' && condition.status === 'True',
    ),
  );

export const resolveProvider = (
  side: ProviderSide,
  ref: ProviderRef | undefined,
  mapNamespace: string,
  findProvider: ProviderLookup,
): ResolvedProvider => {
  const location = providerLocation(ref, mapNamespace);
  if (!location) return { state: 'notSet', label: '' };
  const label = `${location.namespace}/${location.name}`;
  const provider = findProvider(location.namespace, location.name);
  if (!provider) return { state: 'notFound', label };
  if (side === 'destination' && provider.spec?.type !== 'openshift') {
    return { state: 'typeNotValid', label, type: provider.spec?.type ?? 'unset' };
  }
  return isProviderReady(provider)
    ? { state: 'ready', label, provider }
    : { state: 'notReady', label };
};

/** The condition a side earns; none when its provider is ready. */
export const providerCondition = (
  side: ProviderSide,
  resolved: ResolvedProvider,
): ConditionInput | undefined => {
  const prefix = CONDITION_PREFIX[side];
  const notValid = (reason: string, message: string): ConditionInput => ({
    type: `${prefix}ProviderNotValid`,
    category: 'Critical',
    reason,
    message,
  });
  switch (resolved.state) {
    case 'notSet':
      return notValid('NotSet', `The map names no ${side} provider.`);
    case 'notFound':
      return notValid('NotFound', `The ${side} provider ${resolved.label} does not exist.`);
    case 'typeNotValid':
      return notValid(
        'TypeNotValid',
        `The destination provider ${resolved.label} is of type ${resolved.type}; it must be an openshift provider.`,
      );
    case 'notReady':
      return {
        type: `${prefix}ProviderNotReady`,
        category: 'Critical',
        reason: 'NotReady',
        message: `The ${side} provider ${resolved.label} is not ready.`,
      };
    case 'ready':
      return undefined;
  }
};
