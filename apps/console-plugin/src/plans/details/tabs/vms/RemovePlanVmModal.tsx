import type { FC } from 'react';
import type { Plan } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePatchPlan } from '../../hooks/usePlanMutations.ts';
import { vmRemovePatch, type PlanVmRow } from '../../utils/plan-vms.ts';

type Props = { plan: Plan; row: PlanVmRow; onClose: () => void };

export const RemovePlanVmModal: FC<Props> = ({ plan, row, onClose }) => {
  const { t } = useForkliftTranslation();
  const patch = usePatchPlan(plan);
  const removal = vmRemovePatch(plan, row.index);
  return (
    <MutationModal
      title={t('Delete virtual machines from migration plan?')}
      titleIconVariant="warning"
      testId="remove-plan-vm-modal"
      onClose={onClose}
      mutation={patch}
      errorTitle={t('The plan was not saved')}
      errorTestId="remove-plan-vm-error"
      actionLabel={t('Delete')}
      actionVariant="danger"
      actionTestId="remove-plan-vm-confirm"
      isActionDisabled={!removal}
      onAction={() => removal && patch.mutate(removal, { onSuccess: onClose })}
    >
      {t('{{name}} will no longer be migrated by this plan.', { name: row.sourceName })}
    </MutationModal>
  );
};
