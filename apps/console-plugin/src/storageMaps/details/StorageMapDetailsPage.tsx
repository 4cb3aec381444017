import type { FC } from 'react';
import { MapKindDetailsPage } from '../../components/maps/MapKindDetailsPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { storageMapKind } from '../storage-map-kind.ts';
import { StorageMapTable } from './components/StorageMapTable.tsx';

export const StorageMapDetailsPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapKindDetailsPage
      kind={storageMapKind}
      listTitle={t('Storage maps')}
      deleteLabel={t('Delete storage map')}
      notFoundTitle={t('The storage map does not exist')}
      detailsTitle={t('Storage map details')}
      editMapLabel={t('Edit storage map')}
      editErrorTitle={t('The storage map was not saved')}
      editTestId="edit-storage-map"
      renderTable={(map) => <StorageMapTable entries={map.spec?.map ?? []} />}
      tipsButton={<TipsButton />}
    />
  );
};
