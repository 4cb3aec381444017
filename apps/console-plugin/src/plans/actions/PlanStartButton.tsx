import { useState, type FC } from 'react';
import { Button, Tooltip } from '@patternfly/react-core';
import { MigrationModel, type Plan, type PlanStartVerdict } from '@forklift-console/api';
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
  const [isOpen, setOpen] = useState(false);
  const { name = '', namespace = '' } = plan.metadata ?? {};
  // Starting is creating a Migration: only a definite refusal turns the button off.
  const { allowed } = useAccessReview(
    verdict.allowed
      ? { verb: 'create', group: MigrationModel.group, resource: MigrationModel.plural, namespace }
      : undefined,
  );
  if (!verdict.allowed) return null;
  const button = (
    <Button
      variant={variant === 'inline' ? 'secondary' : 'primary'}
      size={variant === 'inline' ? 'sm' : 'default'}
      onClick={() => setOpen(true)}
      isAriaDisabled={allowed === false}
      data-testid={`plan-start-${name}`}
    >
      {verdict.action === 'restart' ? t('Restart') : t('Start')}
    </Button>
  );
  return (
    <>
      {allowed === false ? (
        <Tooltip content={t('You are not allowed to start migrations in this project')}>
          {button}
        </Tooltip>
      ) : (
        button
      )}
      {isOpen && (
        <StartPlanModal
          plan={plan}
          action={verdict.action}
          sourceType={sourceType}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
