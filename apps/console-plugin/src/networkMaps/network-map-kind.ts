import { NetworkMapModel, type NetworkMap } from '@forklift-console/api';
import type { MapKind } from '../components/maps/map-kind.ts';
import { NetworkRowsEditor } from './components/NetworkRowsEditor.tsx';
import { NetworkMapTable } from './details/components/NetworkMapTable.tsx';
import { useNetworkMapOptions, type NetworkMapOptions } from './hooks/useNetworkMapOptions.ts';
import {
  hasNetworkRowsProblems,
  networkMapEntries,
  networkRowsFromEntries,
  networkRowsProblems,
  type NetworkRow,
  type NetworkRowsProblems,
} from './utils/network-rows.ts';

/** How the shared map pages handle a network map's rows. */
export const networkMapKind: MapKind<
  NetworkMap,
  NetworkRow,
  NetworkMapOptions,
  NetworkRowsProblems
> = {
  model: NetworkMapModel,
  newRow: (key) => ({ key }),
  rowsProblems: networkRowsProblems,
  hasRowsProblems: hasNetworkRowsProblems,
  entries: networkMapEntries,
  rowsFromEntries: networkRowsFromEntries,
  useOptions: useNetworkMapOptions,
  RowsEditor: NetworkRowsEditor,
  EntriesTable: NetworkMapTable,
};
