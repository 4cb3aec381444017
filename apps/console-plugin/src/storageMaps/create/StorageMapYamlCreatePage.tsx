import type { FC } from 'react';
import { StorageMapModel } from '@forklift-console/api';
import { MapYamlCreatePage } from '../../components/maps/MapYamlCreatePage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const StorageMapYamlCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapYamlCreatePage
      model={StorageMapModel}
      title={t('Create storage map')}
      tipsButton={<TipsButton />}
    />
  );
};
