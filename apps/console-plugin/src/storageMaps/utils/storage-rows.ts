// The rows of a storage map as the form and the edit modal hold them, their rules, and their
// conversion to and from the StorageMap's `spec.map`.
import {
  isStorageVendorProduct,
  offloadOptionsError,
  type OffloadOptions,
  type StorageMapSpec,
} from '@forklift-console/api';
import type { SourceOption, SourceRef } from '../../utils/map-inventory.ts';

type Entry = StorageMapSpec['map'][number];
type Destination = Entry['destination'];

/** Why Suggest mappings chose a row's storage class, for its one-line explanation. */
export type StorageSuggestion = {
  reason: 'default-class' | 'first-class';
  source: string;
  storageClass: string;
};

export type StorageRow = {
  key: string;
  source?: SourceOption;
  storageClass: string;
  volumeMode: '' | NonNullable<Destination['volumeMode']>;
  accessMode: '' | NonNullable<Destination['accessMode']>;
  offload: OffloadOptions;
  suggestion?: StorageSuggestion;
};

export const NO_OFFLOAD: OffloadOptions = {
  secretRef: '',
  storageVendorProduct: '',
  dedicatedMigrationHosts: [],
};

export const emptyStorageRow = (key: string): StorageRow => ({
  key,
  storageClass: '',
  volumeMode: '',
  accessMode: '',
  offload: NO_OFFLOAD,
});

export type StorageRowsProblems = {
  noRows: boolean;
  incompleteKeys: string[];
  /** Per row key, the all-or-nothing offload message. */
  offloadErrors: Record<string, string>;
};

export const storageRowsProblems = (rows: readonly StorageRow[]): StorageRowsProblems => ({
  noRows: rows.length === 0,
  incompleteKeys: rows
    .filter((row) => !row.source || row.storageClass === '')
    .map((row) => row.key),
  offloadErrors: Object.fromEntries(
    rows.flatMap((row) => {
      const error = offloadOptionsError(row.offload);
      return error ? [[row.key, error]] : [];
    }),
  ),
});

export const hasStorageRowsProblems = (problems: StorageRowsProblems): boolean =>
  problems.noRows ||
  problems.incompleteKeys.length > 0 ||
  Object.keys(problems.offloadErrors).length > 0;

const offloadPluginOf = ({
  secretRef,
  storageVendorProduct,
  dedicatedMigrationHosts,
}: OffloadOptions) =>
  secretRef !== '' && isStorageVendorProduct(storageVendorProduct)
    ? {
        offloadPlugin: {
          vsphereXcopyConfig: {
            secretRef,
            storageVendorProduct,
            ...(dedicatedMigrationHosts.length > 0
              ? { dedicatedMigrationHosts: [...dedicatedMigrationHosts] }
              : {}),
          },
        },
      }
    : {};

/** The complete rows as `spec.map` entries; empty optional fields are left out. */
export const storageMapEntries = (rows: readonly StorageRow[]): Entry[] =>
  rows.flatMap((row) =>
    row.source && row.storageClass !== ''
      ? [
          {
            source: row.source.ref,
            destination: {
              storageClass: row.storageClass,
              ...(row.volumeMode ? { volumeMode: row.volumeMode } : {}),
              ...(row.accessMode ? { accessMode: row.accessMode } : {}),
            },
            ...offloadPluginOf(row.offload),
          },
        ]
      : [],
  );

/** A stored map's entries as rows; a source the inventory no longer has is kept by its reference. */
export const storageRowsFromEntries = (
  entries: readonly Entry[],
  options: readonly SourceOption[],
): StorageRow[] =>
  entries.map((entry, index) => {
    const ref: SourceRef = entry.source;
    const known = options.find((option) =>
      ref.id !== undefined ? option.ref.id === ref.id : option.ref.name === ref.name,
    );
    const label = ref.name ?? ref.id ?? '';
    const xcopy = entry.offloadPlugin?.vsphereXcopyConfig;
    return {
      key: `stored-${index}`,
      source: known ?? { key: ref.id ?? label, label, ref },
      storageClass: entry.destination.storageClass,
      volumeMode: entry.destination.volumeMode ?? '',
      accessMode: entry.destination.accessMode ?? '',
      offload: xcopy
        ? {
            secretRef: xcopy.secretRef,
            storageVendorProduct: xcopy.storageVendorProduct,
            dedicatedMigrationHosts: xcopy.dedicatedMigrationHosts ?? [],
          }
        : NO_OFFLOAD,
    };
  });
