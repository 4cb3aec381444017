import type { FC } from 'react';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';

/** What a page or list shows while its first answer is on the way. */
export const LoadingSpinner: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Bullseye>
      <Spinner aria-label={t('Loading')} />
    </Bullseye>
  );
};
