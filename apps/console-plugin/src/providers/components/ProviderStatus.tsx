import type { FC, ReactNode } from 'react';
import { Button, Icon, Popover } from '@patternfly/react-core';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import InProgressIcon from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import UnknownIcon from '@patternfly/react-icons/dist/esm/icons/unknown-icon';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { isFailedPhase } from '../utils/provider-status.ts';
import { providerPhaseLabel } from '../utils/provider-phase-label.ts';

type Props = { phase: string; failureMessage: string | undefined };

const phaseIcon = (phase: string): ReactNode => {
  if (phase === 'Ready') {
    return (
      <Icon status="success" isInline>
        <CheckCircleIcon />
      </Icon>
    );
  }
  if (isFailedPhase(phase)) {
    return (
      <Icon status="danger" isInline>
        <ExclamationCircleIcon />
      </Icon>
    );
  }
  if (phase === 'Staging') {
    return (
      <Icon status="info" isInline>
        <InProgressIcon />
      </Icon>
    );
  }
  return (
    <Icon isInline>
      <UnknownIcon />
    </Icon>
  );
};

/** The phase with its icon; a failure opens a popover saying why, when a condition tells. */
export const ProviderStatus: FC<Props> = ({ phase, failureMessage }) => {
  const { t } = useForkliftTranslation();
  const label = providerPhaseLabel(phase, t);
  if (!failureMessage) {
    return (
      <span>
        {phaseIcon(phase)} {label}
      </span>
    );
  }
  return (
    <Popover headerContent={label} bodyContent={failureMessage}>
      <Button variant="link" isInline icon={phaseIcon(phase)} data-testid="provider-status-details">
        {label}
      </Button>
    </Popover>
  );
};
