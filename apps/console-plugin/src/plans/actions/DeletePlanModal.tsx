import type { FC } from 'react';
import { Alert, Content, Stack } from '@patternfly/react-core';
import { planMigrationStatus, type Plan } from '@forklift-console/api';
import { MutationModal } from '../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { useSinglePlanAction } from './hooks/usePlanActionMutations.ts';

type Props = { plan: Plan; onClose: () => void; onDeleted: () => void };

export const DeletePlanModal: FC<Props> = ({ plan, onClose, onDeleted }) => {
  const { t } = useForkliftTranslation();
  const key = { namespace: plan.metadata?.namespace ?? '', name: plan.metadata?.name ?? '' };
  const remove = useSinglePlanAction('delete', key);
  const isArchived = planMigrationStatus(plan) === 'Archived';
  const owner = plan.metadata?.ownerReferences?.[0];
  return (
    <MutationModal
      testId="delete-plan-modal"
      title={t('Delete plan?')}
      titleIconVariant="warning"
      onClose={onClose}
      mutation={remove}
      errorTitle={t('The plan was not deleted')}
      errorTestId="delete-plan-error"
      actionLabel={t('Delete')}
      actionVariant="danger"
      actionTestId="confirm-delete-plan"
      onAction={() => remove.run(onDeleted)}
    >
      <Stack hasGutter>
        <Content component="p">
          {t('Are you sure you want to delete {{name}} in project {{namespace}}?', key)}
        </Content>
        {!isArchived && (
          <Alert
            variant="info"
            isInline
            title={t('Plan is not archived')}
            data-testid="not-archived-alert"
          >
            {t(
              'Archiving a plan first removes the temporary resources its migrations left behind.',
            )}
          </Alert>
        )}
        <Alert
          variant="warning"
          isInline
          title={t('What the plan owns is deleted with it')}
          data-testid="owned-deleted-alert"
        >
          {t(
            'The network and storage maps, hooks and secrets this plan owns are deleted with it; maps shared with other plans stay.',
          )}
        </Alert>
        {owner && (
          <Alert
            variant="warning"
            isInline
            title={t('Managed resource')}
            data-testid="owned-by-alert"
          >
            {t('This plan is owned by {{kind}} {{name}}, which may create it again.', {
              kind: owner.kind,
              name: owner.name,
            })}
          </Alert>
        )}
      </Stack>
    </MutationModal>
  );
};
