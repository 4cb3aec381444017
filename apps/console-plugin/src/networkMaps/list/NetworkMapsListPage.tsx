import type { FC } from 'react';
import { NetworkMapModel } from '@forklift-console/api';
import { MapsListPage } from '../../components/maps/MapsListPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const NetworkMapsListPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapsListPage
      model={NetworkMapModel}
      title={t('Network maps')}
      createLabel={t('Create network map')}
      deleteLabel={t('Delete network map')}
      emptyTitle={t('No network maps found')}
      emptyBody={t('A network map pairs each source network with a network in the target cluster.')}
      tipsButton={<TipsButton />}
    />
  );
};
