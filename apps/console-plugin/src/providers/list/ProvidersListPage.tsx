import type { FC } from 'react';
import { ProviderModel } from '@forklift-console/api';
import { ResourceListPage } from '../../components/ResourceListPage.tsx';
import { NotBuiltYetNotice } from '../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const ProvidersListPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <ResourceListPage
      title={t('Providers')}
      model={ProviderModel}
      emptyTitle={t('No providers found')}
      emptyBody={t(
        'Providers connect the console to the virtualization platforms you migrate from and to.',
      )}
      notice={
        <NotBuiltYetNotice
          missing={t(
            'Creating providers and browsing their inventory is not built yet; this page lists the Provider resources.',
          )}
        />
      }
    />
  );
};
