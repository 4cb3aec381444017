import type { FC } from 'react';
import { Button } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { providerCreatePath } from '../../utils/provider-paths.ts';

/** Opens the create form in the active project (All projects: the form picks a default). */
export const CreateProviderButton: FC = () => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const navigate = useNavigate();
  return (
    <Button
      variant="primary"
      onClick={() => navigate(providerCreatePath(activeNamespace))}
      data-testid="create-provider-button"
    >
      {t('Create provider')}
    </Button>
  );
};
