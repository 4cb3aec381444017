import { useState, type FC } from 'react';
import { Button } from '@patternfly/react-core';
import type { Plan, PlanStartVerdict } from '@forklift-console/api';
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
  if (!verdict.allowed) return null;
  const name = plan.metadata?.name ?? '';
  return (
    <>
      <Button
        variant={variant === 'inline' ? 'secondary' : 'primary'}
        size={variant === 'inline' ? 'sm' : 'default'}
        onClick={() => setOpen(true)}
        data-testid={`plan-start-${name}`}
      >
        {verdict.action === 'restart' ? t('Restart') : t('Start')}
      </Button>
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
