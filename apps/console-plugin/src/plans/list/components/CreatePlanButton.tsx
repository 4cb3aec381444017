import type { FC } from 'react';
import { Button, Tooltip } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { planCreatePath } from '../../utils/plan-paths.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useCreatePlanGate } from '../hooks/useCreatePlanGate.ts';

/** Opens the wizard; aria-disabled with the reason (a tooltip) when it could lead nowhere. */
export const CreatePlanButton: FC = () => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const navigate = useNavigate();
  const disabledReason = useCreatePlanGate();
  // Aria-disabled rather than disabled: a disabled button gets no hover, so no tooltip.
  const button = (
    <Button
      variant="primary"
      onClick={() => navigate(planCreatePath(activeNamespace))}
      isAriaDisabled={disabledReason !== undefined}
      data-testid="create-plan-button"
    >
      {t('Create plan')}
    </Button>
  );
  return disabledReason ? (
    <Tooltip content={disabledReason} data-testid="create-plan-disabled-reason">
      {button}
    </Tooltip>
  ) : (
    button
  );
};
