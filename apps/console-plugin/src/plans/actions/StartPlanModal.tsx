import type { FC } from 'react';
import { Content } from '@patternfly/react-core';
import type { Plan, PlanStartAction } from '@forklift-console/api';
import { MutationModal } from '../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { useStartPlan } from './hooks/useMigrationActions.ts';
import { useStartPlanTexts } from './hooks/useStartPlanTexts.ts';

type Props = {
  plan: Plan;
  action: PlanStartAction;
  /** OVA plans get the simpler message, as in Forklift. */
  sourceType?: string;
  onClose: () => void;
};

/** "Start the cold migration for plan X?" with what that type of migration does to the VMs. */
export const StartPlanModal: FC<Props> = ({ plan, action, sourceType, onClose }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const start = useStartPlan({ namespace, name });
  const texts = useStartPlanTexts(plan, action, sourceType);
  return (
    <MutationModal
      testId="start-plan-modal"
      title={texts.title}
      onClose={onClose}
      mutation={start}
      errorTitle={t('The migration was not started')}
      errorTestId="start-plan-error"
      actionLabel={action === 'restart' ? t('Restart') : t('Start')}
      actionTestId="confirm-start-plan"
      onAction={() => start.mutate(undefined, { onSuccess: onClose })}
    >
      <Content component="p" data-testid="start-plan-message">
        {texts.message}
      </Content>
      {action === 'restart' && (
        <Content component="p">
          {t('Only the VMs that failed or were canceled run again; migrated VMs are kept.')}
        </Content>
      )}
    </MutationModal>
  );
};
