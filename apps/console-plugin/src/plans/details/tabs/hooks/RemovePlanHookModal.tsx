import type { FC } from 'react';
import type { Plan, PlanHookStep } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSetPlanHook } from '../../hooks/usePlanMutations.ts';

type Props = { plan: Plan; step: PlanHookStep; onClose: () => void };

export const RemovePlanHookModal: FC<Props> = ({ plan, step, onClose }) => {
  const { t } = useForkliftTranslation();
  const remove = useSetPlanHook(plan, step);
  return (
    <MutationModal
      title={step === 'pre' ? t('Remove pre migration hook?') : t('Remove post migration hook?')}
      titleIconVariant="warning"
      testId="remove-plan-hook-modal"
      onClose={onClose}
      mutation={remove}
      errorTitle={t('The hook was not removed')}
      errorTestId="remove-plan-hook-error"
      actionLabel={t('Remove')}
      actionVariant="danger"
      actionTestId="remove-plan-hook-confirm"
      onAction={() => remove.mutate(undefined, { onSuccess: onClose })}
    >
      {t('No VM of the plan will run this hook; a hook the plan owns is deleted.')}
    </MutationModal>
  );
};
