import type { FC } from 'react';
import { MapKindDetailsPage } from '../../components/maps/MapKindDetailsPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { networkMapKind } from '../network-map-kind.ts';
import { NetworkMapTable } from './components/NetworkMapTable.tsx';

export const NetworkMapDetailsPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapKindDetailsPage
      kind={networkMapKind}
      listTitle={t('Network maps')}
      deleteLabel={t('Delete network map')}
      notFoundTitle={t('The network map does not exist')}
      detailsTitle={t('Network map details')}
      editMapLabel={t('Edit network map')}
      editErrorTitle={t('The network map was not saved')}
      editTestId="edit-network-map"
      renderTable={(map) => <NetworkMapTable entries={map.spec?.map ?? []} />}
      tipsButton={<TipsButton />}
    />
  );
};
