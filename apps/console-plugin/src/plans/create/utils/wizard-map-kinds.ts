// The two map kinds as the wizard holds them: rows, options and problems are each kind's own, and
// the wizard only passes them between the kind's hooks and its editor.
import type { NetworkMap, StorageMap } from '@forklift-console/api';
import type { MapKind } from '../../../components/maps/map-kind.ts';
import type { AnyMap } from '../../../hooks/useMapMutations.ts';
import type { MapRow } from '../../../utils/map-rows.ts';

export type WizardMapKind<Map extends AnyMap> = MapKind<Map, MapRow, unknown, unknown>;

export type WizardMapKinds = {
  network: WizardMapKind<NetworkMap>;
  storage: WizardMapKind<StorageMap>;
};

/** The sources used by the selected VMs that no row maps. */
export const unmappedSources = (
  usedIds: readonly string[],
  rows: readonly MapRow[],
  labelOf: (id: string) => string,
): string[] => {
  const mapped = new Set(rows.map((row) => row.source?.ref.id).filter(Boolean));
  return usedIds.filter((id) => !mapped.has(id)).map(labelOf);
};

/** The seeded rows for the selected VMs: the kind's suggestion, kept to the sources they use. */
export const seedRows = (suggested: readonly MapRow[], usedIds: readonly string[]): MapRow[] => {
  const used = new Set(usedIds);
  return suggested.filter((row) => row.source?.ref.id && used.has(row.source.ref.id));
};
