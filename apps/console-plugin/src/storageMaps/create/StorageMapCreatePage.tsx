import type { FC } from 'react';
import { MapCreatePage } from '../../components/maps/MapCreatePage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { storageMapKind } from '../storage-map-kind.ts';

export const StorageMapCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapCreatePage
      kind={storageMapKind}
      title={t('Create storage map')}
      description={t(
        'A storage map tells a migration plan which storage class the disks on each source datastore or storage get in the target cluster.',
      )}
      nameLabel={t('Storage map name')}
      errorTitle={t('Error creating storage map')}
      rowsTitle={t('Storage mappings')}
      tipsButton={<TipsButton />}
    />
  );
};
