import { useState, type FC } from 'react';
import { Button, Tooltip } from '@patternfly/react-core';
import {
  MigrationModel,
  type Plan,
  type PlanStartAction,
  type PlanStartVerdict,
} from '@forklift-console/api';
import { useAccessReview } from '../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { StartPlanModal } from './StartPlanModal.tsx';

type Props = {
  plan: Plan;
  verdict: PlanStartVerdict;
  sourceType?: string;
  /** Inline in a list row (a small secondary button) or in the details header. */
  variant: 'inline' | 'header';
};

/** Start, or Restart after a failure or a cancel; shown only when the plan may run now. */
export const PlanStartButton: FC<Props> = ({ plan, verdict, sourceType, variant }) => {
  const { t } = useForkliftTranslation();
  // The action the modal was opened for. The modal stays up while its request runs even if the
  // plan turns Executing first (the change feed can be faster than the answer): unmounted, it would
  // never hear of its success, stay open, and come back when the plan can be restarted again.
  const [openFor, setOpenFor] = useState<PlanStartAction>();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  // Starting is creating a Migration: only a definite refusal turns the button off.
  const { allowed } = useAccessReview(
    verdict.allowed
      ? { verb: 'create', group: MigrationModel.group, resource: MigrationModel.plural, namespace }
      : undefined,
  );
  const button = verdict.allowed && (
    <Button
      variant={variant === 'inline' ? 'secondary' : 'primary'}
      size={variant === 'inline' ? 'sm' : 'default'}
      onClick={() => setOpenFor(verdict.action)}
      isAriaDisabled={allowed === false}
      data-testid={`plan-start-${name}`}
    >
      {verdict.action === 'restart' ? t('Restart') : t('Start')}
    </Button>
  );
  // One tree whether or not the plan may start now, so an open modal is kept, not mounted afresh.
  return (
    <>
      {button &&
        (allowed === false ? (
          <Tooltip content={t('You are not allowed to start migrations in this project')}>
            {button}
          </Tooltip>
        ) : (
          button
        ))}
      {openFor && (
        <StartPlanModal
          plan={plan}
          action={openFor}
          sourceType={sourceType}
          onClose={() => setOpenFor(undefined)}
        />
      )}
    </>
  );
};
