import type { FC } from 'react';
import { ForkliftControllerModel } from '@forklift-console/api';
import { ResourceList } from '../../../components/ResourceList.tsx';
import { NotBuiltYetNotice } from '../../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

export const OverviewTab: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <ResourceList
      model={ForkliftControllerModel}
      ariaLabel={t('Migration service')}
      emptyTitle={t('No migration service found')}
      emptyBody={t('There is no ForkliftController in this project.')}
      notice={
        <NotBuiltYetNotice
          missing={t(
            'The welcome card, the migration charts and the Health tab are not built yet; this tab lists the migration service resources.',
          )}
        />
      }
    />
  );
};
