import type { FC } from 'react';
import { PlanModel } from '@forklift-console/api';
import { ResourceListPage } from '../../components/ResourceListPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { NotBuiltYetNotice } from '../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const PlansListPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <ResourceListPage
      titleActions={<TipsButton />}
      title={t('Migration plans')}
      model={PlanModel}
      emptyTitle={t('No migration plans found')}
      emptyBody={t(
        'A migration plan chooses the virtual machines to migrate and how to map their networks and storage.',
      )}
      notice={
        <NotBuiltYetNotice
          missing={t(
            'Creating and running migration plans is not built yet; this page lists the Plan resources.',
          )}
        />
      }
    />
  );
};
