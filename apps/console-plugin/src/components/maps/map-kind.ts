// What the shared map pages need from a feature to handle its kind of map (network or storage):
// its model, its rows and their rules, its inventory options and its rows editor. The features
// pass one of these in, so shared code never imports a feature.
import type { FC } from 'react';
import type { K8sModel, Provider } from '@forklift-console/api';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import type { SourceOption } from '../../utils/map-inventory.ts';
import type { MapRow } from '../../utils/map-rows.ts';

/** The part of a kind's inventory options the shared form reads; the editor reads the rest. */
export type MapOptions<Row> = {
  sources: readonly SourceOption[];
  error: Error | null;
  isSuggestionSupported: boolean;
  /** Rows for what the source's VMs use; undefined while it cannot run. */
  suggest: (() => Row[]) | undefined;
};

export type MapRowsEditorProps<Row, Options, Problems> = {
  rows: readonly Row[];
  onChange: (rows: Row[]) => void;
  options: Options;
  problems: Problems;
  /** Incomplete rows are flagged only after the user tried to save. */
  showIncomplete: boolean;
};

export type MapEntry<Map extends AnyMap> = NonNullable<Map['spec']>['map'][number];

export type MapKind<Map extends AnyMap, Row extends MapRow, Options, Problems> = {
  model: K8sModel;
  newRow: (key: string) => Row;
  rowsProblems: (rows: readonly Row[]) => Problems;
  hasRowsProblems: (problems: Problems) => boolean;
  /** The complete rows as `spec.map` entries. */
  entries: (rows: readonly Row[]) => MapEntry<Map>[];
  /** A stored map's entries as rows, labelled from the inventory's sources. */
  rowsFromEntries: (entries: readonly MapEntry<Map>[], sources: readonly SourceOption[]) => Row[];
  useOptions: (
    source: Provider | undefined,
    target: Provider | undefined,
    targetProject: string,
    /** The map serves a plan migrating into targetProject: offer only what it can reach. */
    servesPlan?: boolean,
  ) => Options & MapOptions<Row>;
  RowsEditor: FC<MapRowsEditorProps<Row, Options, Problems>>;
  /** A stored map's entries, read only (the map and plan details pages). */
  EntriesTable: FC<{ entries: readonly MapEntry<Map>[] }>;
};
