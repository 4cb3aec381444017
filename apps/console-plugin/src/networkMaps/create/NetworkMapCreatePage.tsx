import type { FC } from 'react';
import { MapCreatePage } from '../../components/maps/MapCreatePage.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { networkMapKind } from '../network-map-kind.ts';

export const NetworkMapCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <MapCreatePage
      kind={networkMapKind}
      title={t('Create network map')}
      description={t(
        'A network map tells a migration plan which network in the target cluster each source network becomes.',
      )}
      nameLabel={t('Network map name')}
      errorTitle={t('Error creating network map')}
      rowsTitle={t('Network mappings')}
      tipsButton={<TipsButton />}
    />
  );
};
