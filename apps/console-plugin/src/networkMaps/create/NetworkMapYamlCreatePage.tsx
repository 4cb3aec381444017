import type { FC } from 'react';
import { NetworkMapModel } from '@forklift-console/api';
import { MapYamlCreatePage } from '../../components/maps/MapYamlCreatePage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const NetworkMapYamlCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapYamlCreatePage
      model={NetworkMapModel}
      title={t('Create network map')}
      tipsButton={<TipsButton />}
    />
  );
};
