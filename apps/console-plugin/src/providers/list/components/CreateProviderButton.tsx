import type { FC } from 'react';
import { Button, Tooltip } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { ProviderModel } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useAccessReview } from '../../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { providerCreatePath } from '../../utils/provider-paths.ts';

/** Opens the create form in the active project (All projects: the form picks a default). */
export const CreateProviderButton: FC = () => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const navigate = useNavigate();
  // Under All projects the form lets the user choose a project, so there is nothing to ask yet.
  const { allowed } = useAccessReview(
    activeNamespace
      ? {
          verb: 'create',
          group: ProviderModel.group,
          resource: ProviderModel.plural,
          namespace: activeNamespace,
        }
      : undefined,
  );
  const isForbidden = allowed === false;
  // Aria-disabled rather than disabled: a disabled button gets no hover, so no tooltip.
  const button = (
    <Button
      variant="primary"
      onClick={() => navigate(providerCreatePath(activeNamespace))}
      isAriaDisabled={isForbidden}
      data-testid="create-provider-button"
    >
      {t('Create provider')}
    </Button>
  );
  return isForbidden ? (
    <Tooltip content={t('You cannot create providers in this project')}>{button}</Tooltip>
  ) : (
    button
  );
};
