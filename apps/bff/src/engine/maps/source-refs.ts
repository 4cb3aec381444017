// Resolving the `source` of each map entry against the source provider's inventory (reference
// engine.md §1.7): by id, else (OpenShift) the pod network by type, else by name — a vSphere
// inventory path when it contains `/`, for OpenShift `namespace/name` or name plus namespace.
// A name that matches several objects is ambiguous rather than a guess.
import type { ConditionInput } from '../conditions.ts';

/** A map entry's source, and what status.references holds once it is resolved. */
export type MapRef = { id?: string; name?: string; namespace?: string; type?: string };

/** The fields every inventory object a source can name carries (vSphere, OVA, OpenShift). */
export type InventoryItem = { id: string; name: string; namespace?: string; path?: string };

export type RefResolution =
  { state: 'found'; ref: MapRef } | { state: 'notSet' | 'notFound' | 'ambiguous' };

const POD_NETWORK = 'pod';

/** `ns/name` split for OpenShift sources; a namespace given apart wins. */
const openshiftName = (ref: MapRef): { namespace?: string; name: string } => {
  const name = ref.name ?? '';
  const slash = name.indexOf('/');
  if (ref.namespace || slash < 0) return { namespace: ref.namespace || undefined, name };
  return { namespace: name.slice(0, slash), name: name.slice(slash + 1) };
};

const resolvedRef = (item: InventoryItem): MapRef => ({
  id: item.id,
  name: item.name,
  ...(item.namespace ? { namespace: item.namespace } : {}),
});

export const resolveSourceRef = (
  ref: MapRef | undefined,
  items: readonly InventoryItem[],
  providerType: string,
): RefResolution => {
  const openshift = providerType === 'openshift';
  if (ref?.id) {
    const item = items.find((candidate) => candidate.id === ref.id);
    return item ? { state: 'found', ref: resolvedRef(item) } : { state: 'notFound' };
  }
  if (openshift && ref?.type === POD_NETWORK) return { state: 'found', ref: { type: POD_NETWORK } };
  if (!ref?.name) return { state: 'notSet' };
  let matches: InventoryItem[];
  if (openshift) {
    const { namespace, name } = openshiftName(ref);
    matches = items.filter(
      (item) =>
        item.name === name && (namespace === undefined || (item.namespace ?? '') === namespace),
    );
  } else {
    const byPath = ref.name.includes('/');
    matches = items.filter((item) => (byPath ? item.path === ref.name : item.name === ref.name));
  }
  if (matches.length > 1) return { state: 'ambiguous' };
  return matches[0] ? { state: 'found', ref: resolvedRef(matches[0]) } : { state: 'notFound' };
};

/** How a source reads in a message: what the user wrote. */
export const describeRef = (ref: MapRef | undefined, index: number): string => {
  if (ref?.id) return ref.id;
  if (ref?.name) return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  return `map[${index}]`;
};

export type SourceCheck = {
  /** SourceNetworkNotValid / SourceStorageNotValid, when some entry did not resolve. */
  condition?: ConditionInput;
  /** The resolved sources, each once, in the order of the entries. */
  references: MapRef[];
};

/**
 * One condition for all entries, since a type is set once: Critical when a source is unset or
 * ambiguous, Warn when the only trouble is sources the inventory does not have (reference
 * engine.md §1.7). The message names every offending source; `items` lists them.
 */
export const checkSources = ({
  conditionType,
  noun,
  providerLabel,
  sources,
  items,
  providerType,
}: {
  conditionType: string;
  /** `network` or `storage`, as the message says it. */
  noun: string;
  providerLabel: string;
  sources: readonly (MapRef | undefined)[];
  items: readonly InventoryItem[];
  providerType: string;
}): SourceCheck => {
  const offending = { notSet: [] as string[], ambiguous: [] as string[], notFound: [] as string[] };
  const references: MapRef[] = [];
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    const resolution = resolveSourceRef(source, items, providerType);
    if (resolution.state !== 'found') {
      offending[resolution.state].push(describeRef(source, index));
      return;
    }
    const key = JSON.stringify(resolution.ref);
    if (seen.has(key)) return;
    seen.add(key);
    references.push(resolution.ref);
  });
  const { notSet, ambiguous, notFound } = offending;
  const sentences = [
    notSet.length > 0 && `Entries ${notSet.join(', ')} name no source ${noun} (no id or name).`,
    ambiguous.length > 0 &&
      `More than one ${noun} of provider ${providerLabel} matches ${ambiguous.join(', ')}; use the id.`,
    notFound.length > 0 &&
      `The inventory of provider ${providerLabel} has no ${noun} ${notFound.join(', ')}.`,
  ].filter(Boolean);
  if (sentences.length === 0) return { references };
  const reason = notSet.length > 0 ? 'NotSet' : ambiguous.length > 0 ? 'Ambiguous' : 'NotFound';
  return {
    references,
    condition: {
      type: conditionType,
      category: reason === 'NotFound' ? 'Warn' : 'Critical',
      reason,
      message: sentences.join(' '),
      items: [...notSet, ...ambiguous, ...notFound],
    },
  };
};
