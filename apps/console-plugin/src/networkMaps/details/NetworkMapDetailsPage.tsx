import { useState, type FC } from 'react';
import { NetworkMapModel, type NetworkMap } from '@forklift-console/api';
import { MapDetailsPage } from '../../components/maps/MapDetailsPage.tsx';
import { MapDetailsTab } from '../../components/maps/MapDetailsTab.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { EditNetworkMapModal } from './components/EditNetworkMapModal.tsx';
import { NetworkMapTable } from './components/NetworkMapTable.tsx';

export const NetworkMapDetailsPage: FC = () => {
  const { t } = useForkliftTranslation();
  const [isEditing, setIsEditing] = useState(false);
  return (
    <MapDetailsPage
      model={NetworkMapModel}
      listTitle={t('Network maps')}
      deleteLabel={t('Delete network map')}
      notFoundTitle={t('The network map does not exist')}
      tipsButton={<TipsButton />}
      renderDetails={(map, editDisabledReason) => (
        <>
          <MapDetailsTab
            model={NetworkMapModel}
            map={map}
            detailsTitle={t('Network map details')}
            mapTitle={t('Map')}
            editDisabledReason={editDisabledReason}
            mapTable={<NetworkMapTable entries={(map as NetworkMap).spec?.map ?? []} />}
            onEditMap={() => setIsEditing(true)}
            editMapLabel={t('Edit network map')}
          />
          {isEditing && (
            <EditNetworkMapModal map={map as NetworkMap} onClose={() => setIsEditing(false)} />
          )}
        </>
      )}
    />
  );
};
