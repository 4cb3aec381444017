import type { FC } from 'react';
import { NetworkMapModel } from '@forklift-console/api';
import { ResourceListPage } from '../../components/ResourceListPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { NotBuiltYetNotice } from '../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const NetworkMapsListPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <ResourceListPage
      titleActions={<TipsButton />}
      title={t('Network maps')}
      model={NetworkMapModel}
      emptyTitle={t('No network maps found')}
      emptyBody={t('A network map pairs each source network with a network in the target cluster.')}
      notice={
        <NotBuiltYetNotice
          missing={t(
            'Creating and editing network maps is not built yet; this page lists the NetworkMap resources.',
          )}
        />
      }
    />
  );
};
