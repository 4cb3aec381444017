// "Suggest mappings" for a storage map: every datastore (or OVA storage) the source VMs' disks are
// on gets a row to the target's default storage class, which is what a PVC without a class would
// get anyway; without a default, the first class the cluster lists.
import type { SourceOption, TargetStorageClass } from '../../utils/map-inventory.ts';
import { emptyStorageRow, type StorageRow } from './storage-rows.ts';

type Input = {
  usedStorages: readonly SourceOption[];
  storageClasses: readonly TargetStorageClass[];
};

export const suggestStorageRows = ({ usedStorages, storageClasses }: Input): StorageRow[] => {
  const defaultClass = storageClasses.find((storageClass) => storageClass.isDefault);
  const chosen = defaultClass ?? storageClasses[0];
  return usedStorages.map((source, index) => ({
    ...emptyStorageRow(`suggested-${index}-${source.key}`),
    source,
    storageClass: chosen?.name ?? '',
    ...(chosen
      ? {
          suggestion: {
            reason: defaultClass ? ('default-class' as const) : ('first-class' as const),
            source: source.label,
            storageClass: chosen.name,
          },
        }
      : {}),
  }));
};
