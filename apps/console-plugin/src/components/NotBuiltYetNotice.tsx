import type { FC } from 'react';
import { Alert } from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';

/** Says plainly which parts of a page are not there yet, rather than showing dead buttons. */
export const NotBuiltYetNotice: FC<{ missing: string }> = ({ missing }) => {
  const { t } = useForkliftTranslation();
  return (
    <Alert
      variant="info"
      isInline
      isPlain
      title={t('Not available yet')}
      data-testid="not-built-notice"
      className="pf-v6-u-mb-md"
    >
      {missing}
    </Alert>
  );
};
