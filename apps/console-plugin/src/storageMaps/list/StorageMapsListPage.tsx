import type { FC } from 'react';
import { StorageMapModel } from '@forklift-console/api';
import { ResourceListPage } from '../../components/ResourceListPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { NotBuiltYetNotice } from '../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const StorageMapsListPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <ResourceListPage
      titleActions={<TipsButton />}
      title={t('Storage maps')}
      model={StorageMapModel}
      emptyTitle={t('No storage maps found')}
      emptyBody={t(
        'A storage map pairs each source datastore or storage domain with a storage class in the target cluster.',
      )}
      notice={
        <NotBuiltYetNotice
          missing={t(
            'Creating and editing storage maps is not built yet; this page lists the StorageMap resources.',
          )}
        />
      }
    />
  );
};
