import { useState, type FC } from 'react';
import { StorageMapModel } from '@forklift-console/api';
import { MapCreateForm } from '../../components/maps/MapCreateForm.tsx';
import { useMapCreateForm } from '../../hooks/useMapCreateForm.ts';
import { useSuggestDisabledReason } from '../../hooks/useSuggestDisabledReason.ts';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { StorageRowsEditor } from '../components/StorageRowsEditor.tsx';
import { useStorageMapOptions } from '../hooks/useStorageMapOptions.ts';
import {
  emptyStorageRow,
  hasStorageRowsProblems,
  storageMapEntries,
  storageRowsProblems,
  type StorageRow,
} from '../utils/storage-rows.ts';

export const StorageMapCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  const form = useMapCreateForm(StorageMapModel);
  const [rows, setRows] = useState<StorageRow[]>([emptyStorageRow('first')]);
  const { source, target } = form.providers;
  const options = useStorageMapOptions(source, target);
  const problems = storageRowsProblems(rows);
  const suggestDisabledReason = useSuggestDisabledReason({
    hasProviders: Boolean(source && target),
    isSupported: options.isSuggestionSupported,
    canSuggest: options.suggest !== undefined,
  });
  const { suggest } = options;

  return (
    <MapCreateForm
      model={StorageMapModel}
      title={t('Create storage map')}
      description={t(
        'A storage map tells a migration plan which storage class the disks on each source datastore or storage get in the target cluster.',
      )}
      nameLabel={t('Storage map name')}
      errorTitle={t('Error creating storage map')}
      rowsTitle={t('Storage mappings')}
      form={form}
      onSuggest={suggest && (() => setRows(suggest()))}
      suggestDisabledReason={suggestDisabledReason}
      inventoryError={options.error}
      onSubmit={() => form.submit(storageMapEntries(rows), !hasStorageRowsProblems(problems))}
      tipsButton={<TipsButton />}
      rows={
        <StorageRowsEditor
          rows={rows}
          onChange={setRows}
          sources={options.sources}
          storageClasses={options.storageClasses}
          hosts={options.hosts}
          problems={problems}
          showIncomplete={form.showErrors}
        />
      }
    />
  );
};
