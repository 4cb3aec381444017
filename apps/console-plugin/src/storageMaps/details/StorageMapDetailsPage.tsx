import { useState, type FC } from 'react';
import { StorageMapModel, type StorageMap } from '@forklift-console/api';
import { MapDetailsPage } from '../../components/maps/MapDetailsPage.tsx';
import { MapDetailsTab } from '../../components/maps/MapDetailsTab.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { EditStorageMapModal } from './components/EditStorageMapModal.tsx';
import { StorageMapTable } from './components/StorageMapTable.tsx';

export const StorageMapDetailsPage: FC = () => {
  const { t } = useForkliftTranslation();
  const [isEditing, setIsEditing] = useState(false);
  return (
    <MapDetailsPage
      model={StorageMapModel}
      listTitle={t('Storage maps')}
      deleteLabel={t('Delete storage map')}
      notFoundTitle={t('The storage map does not exist')}
      tipsButton={<TipsButton />}
      renderDetails={(map, editDisabledReason) => (
        <>
          <MapDetailsTab
            model={StorageMapModel}
            map={map}
            detailsTitle={t('Storage map details')}
            mapTitle={t('Map')}
            editDisabledReason={editDisabledReason}
            mapTable={<StorageMapTable entries={(map as StorageMap).spec?.map ?? []} />}
            onEditMap={() => setIsEditing(true)}
            editMapLabel={t('Edit storage map')}
          />
          {isEditing && (
            <EditStorageMapModal map={map as StorageMap} onClose={() => setIsEditing(false)} />
          )}
        </>
      )}
    />
  );
};
