import { StorageMapModel, type StorageMap } from '@forklift-console/api';
import type { MapKind } from '../components/maps/map-kind.ts';
import { StorageRowsEditor } from './components/StorageRowsEditor.tsx';
import { StorageMapTable } from './details/components/StorageMapTable.tsx';
import { useStorageMapOptions, type StorageMapOptions } from './hooks/useStorageMapOptions.ts';
import {
  emptyStorageRow,
  hasStorageRowsProblems,
  storageMapEntries,
  storageRowsFromEntries,
  storageRowsProblems,
  type StorageRow,
  type StorageRowsProblems,
} from './utils/storage-rows.ts';

/** How the shared map pages handle a storage map's rows. */
export const storageMapKind: MapKind<
  StorageMap,
  StorageRow,
  StorageMapOptions,
  StorageRowsProblems
> = {
  model: StorageMapModel,
  newRow: emptyStorageRow,
  rowsProblems: storageRowsProblems,
  hasRowsProblems: hasStorageRowsProblems,
  entries: storageMapEntries,
  rowsFromEntries: storageRowsFromEntries,
  useOptions: useStorageMapOptions,
  RowsEditor: StorageRowsEditor,
  EntriesTable: StorageMapTable,
};
