// The rows of a network map as the form and the edit modal hold them, their rules, and their
// conversion to and from the NetworkMap's `spec.map`.
import { secondPodNetworkRow, type NetworkMapSpec } from '@forklift-console/api';
import type { SourceOption, SourceRef } from '../../utils/map-inventory.ts';

export type NetworkTarget =
  { type: 'pod' } | { type: 'ignored' } | { type: 'multus'; namespace: string; name: string };

/** Why Suggest mappings chose a row's target, for its one-line explanation. */
export type NetworkSuggestion = {
  reason: 'same-name-nad' | 'first-to-pod' | 'pod-taken';
  source: string;
  project: string;
};

export type NetworkRow = {
  key: string;
  source?: SourceOption;
  target?: NetworkTarget;
  suggestion?: NetworkSuggestion;
};

/** A target as a select's value: `pod`, `ignored` or `multus:<namespace>/<name>`. */
export const targetValue = (target: NetworkTarget | undefined): string =>
  target === undefined
    ? ''
    : target.type === 'multus'
      ? `multus:${target.namespace}/${target.name}`
      : target.type;

export const targetFromValue = (value: string): NetworkTarget | undefined => {
  if (value === 'pod' || value === 'ignored') return { type: value };
  if (!value.startsWith('multus:')) return undefined;
  const [namespace = '', name = ''] = value.slice('multus:'.length).split('/');
  return { type: 'multus', namespace, name };
};

/** What is wrong with the rows: none at all, incomplete ones, or a second pod network row. */
export type NetworkRowsProblems = {
  noRows: boolean;
  incompleteKeys: string[];
  secondPodKey?: string;
};

export const networkRowsProblems = (rows: readonly NetworkRow[]): NetworkRowsProblems => {
  const second = secondPodNetworkRow(rows.map((row) => ({ type: row.target?.type })));
  return {
    noRows: rows.length === 0,
    incompleteKeys: rows.filter((row) => !row.source || !row.target).map((row) => row.key),
    ...(second === undefined ? {} : { secondPodKey: rows[second]?.key }),
  };
};

export const hasNetworkRowsProblems = (problems: NetworkRowsProblems): boolean =>
  problems.noRows || problems.incompleteKeys.length > 0 || problems.secondPodKey !== undefined;

type Entry = NetworkMapSpec['map'][number];

/** The complete rows as `spec.map` entries. */
export const networkMapEntries = (rows: readonly NetworkRow[]): Entry[] =>
  rows.flatMap((row) =>
    row.source && row.target ? [{ source: row.source.ref, destination: row.target }] : [],
  );

const sameRef = (option: SourceOption, ref: SourceRef): boolean =>
  ref.id !== undefined
    ? option.ref.id === ref.id
    : ref.type !== undefined
      ? option.ref.type === ref.type
      : option.ref.name === ref.name && option.ref.namespace === ref.namespace;

/** A stored map's entries as rows; a source the inventory no longer has is kept by its reference. */
export const networkRowsFromEntries = (
  entries: readonly Entry[],
  options: readonly SourceOption[],
): NetworkRow[] =>
  entries.map((entry, index) => {
    const ref: SourceRef = entry.source;
    const known = options.find((option) => sameRef(option, ref));
    const label = ref.name ?? ref.id ?? ref.type ?? '';
    const { type, namespace = '', name = '' } = entry.destination;
    return {
      key: `stored-${index}`,
      source: known ?? { key: ref.id ?? label, label, ref },
      target: type === 'multus' ? { type, namespace, name } : { type },
    };
  });
