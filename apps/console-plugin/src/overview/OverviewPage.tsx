import type { FC } from 'react';
import { ForkliftControllerModel } from '@forklift-console/api';
import { ResourceListPage } from '../components/ResourceListPage.tsx';
import { NotBuiltYetNotice } from '../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../utils/i18n.ts';

export const OverviewPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <ResourceListPage
      title={t('Overview')}
      model={ForkliftControllerModel}
      emptyTitle={t('No migration service found')}
      emptyBody={t('There is no ForkliftController in this project.')}
      notice={
        <NotBuiltYetNotice
          missing={t(
            'The administrator overview (migration charts, health, history and settings) is not built yet; this page lists the migration service resources.',
          )}
        />
      }
    />
  );
};
