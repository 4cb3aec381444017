import type { FC } from 'react';
import { StorageMapModel } from '@forklift-console/api';
import { MapsListPage } from '../../components/maps/MapsListPage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const StorageMapsListPage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapsListPage
      model={StorageMapModel}
      title={t('Storage maps')}
      createLabel={t('Create storage map')}
      deleteLabel={t('Delete storage map')}
      emptyTitle={t('No storage maps found')}
      emptyBody={t(
        'A storage map pairs each source datastore or storage with a storage class in the target cluster.',
      )}
      tipsButton={<TipsButton />}
    />
  );
};
