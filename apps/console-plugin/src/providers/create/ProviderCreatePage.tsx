import type { FC } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';

export const ProviderCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  return <PageTitle title={t('Create provider')} />;
};
