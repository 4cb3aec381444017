import { useState, type FC } from 'react';
import { StorageMapModel, type StorageMap } from '@forklift-console/api';
import { MutationModal } from '../../../components/MutationModal.tsx';
import { useMapProviders } from '../../../hooks/useMapProviders.ts';
import { useReplaceMap } from '../../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { referencedProviderKey } from '../../../utils/map-form.ts';
import { StorageRowsEditor } from '../../components/StorageRowsEditor.tsx';
import { useStorageMapOptions } from '../../hooks/useStorageMapOptions.ts';
import {
  hasStorageRowsProblems,
  storageMapEntries,
  storageRowsFromEntries,
  storageRowsProblems,
  type StorageRow,
} from '../../utils/storage-rows.ts';

/** Add, remove and change rows and their options; saved whole with the resourceVersion read. */
export const EditStorageMapModal: FC<{ map: StorageMap; onClose: () => void }> = ({
  map,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = map.metadata ?? {};
  const providers = useMapProviders(
    namespace,
    referencedProviderKey(map.spec?.provider.source, namespace),
    referencedProviderKey(map.spec?.provider.destination, namespace),
  );
  const options = useStorageMapOptions(providers.source, providers.target);
  const [edited, setEdited] = useState<StorageRow[]>();
  // Until the user changes something, the rows follow the stored map and the inventory's labels.
  const rows = edited ?? storageRowsFromEntries(map.spec?.map ?? [], options.sources);
  const problems = storageRowsProblems(rows);
  const save = useReplaceMap(StorageMapModel, namespace, name);
  const [triedToSave, setTriedToSave] = useState(false);

  return (
    <MutationModal
      testId="edit-storage-map-modal"
      title={t('Edit storage map')}
      variant="medium"
      onClose={onClose}
      mutation={save}
      errorTitle={t('The storage map was not saved')}
      errorTestId="edit-storage-map-error"
      actionLabel={t('Save')}
      actionTestId="edit-storage-map-save"
      isActionDisabled={edited === undefined}
      onAction={() => {
        setTriedToSave(true);
        if (hasStorageRowsProblems(problems) || !map.spec) return;
        save.mutate(
          { ...map, spec: { ...map.spec, map: storageMapEntries(rows) } },
          { onSuccess: onClose },
        );
      }}
    >
      <StorageRowsEditor
        rows={rows}
        onChange={setEdited}
        sources={options.sources}
        storageClasses={options.storageClasses}
        hosts={options.hosts}
        problems={problems}
        showIncomplete={triedToSave}
      />
    </MutationModal>
  );
};
