import type { FC } from 'react';
import { Content } from '@patternfly/react-core';
import { MutationModal } from '../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { useSinglePlanAction, type PlanKey } from './hooks/usePlanActionMutations.ts';

type Props = { plan: PlanKey; onClose: () => void };

export const ArchivePlanModal: FC<Props> = ({ plan, onClose }) => {
  const { t } = useForkliftTranslation();
  const archive = useSinglePlanAction('archive', plan);
  return (
    <MutationModal
      testId="archive-plan-modal"
      title={t('Archive plan?')}
      titleIconVariant="warning"
      onClose={onClose}
      mutation={archive}
      errorTitle={t('The plan was not archived')}
      errorTestId="archive-plan-error"
      actionLabel={t('Archive')}
      actionTestId="confirm-archive-plan"
      onAction={() => archive.run(onClose)}
    >
      <Content component="p">{t('Archive {{name}} in project {{namespace}}?', plan)}</Content>
      <Content component="p">
        {t(
          'Archiving a plan deletes its migration history, metadata and logs. The plan stays in the list for reference, but it can no longer be edited or restarted.',
        )}
      </Content>
    </MutationModal>
  );
};
