import type { FC } from 'react';
import { Alert, Content, Stack } from '@patternfly/react-core';
import { MutationModal } from '../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import type { PlanRow } from '../list/utils/plan-rows.ts';
import { useBulkPlanAction, type BulkPlanAction } from './hooks/usePlanActionMutations.ts';
import { PlanActionFailures } from './PlanActionFailures.tsx';

type Props = {
  action: BulkPlanAction;
  rows: readonly PlanRow[];
  onClose: () => void;
  /** After an answer in which every plan succeeded. */
  onDone: () => void;
};

/**
 * Archive or Delete of the selected plans. Already archived plans are left out of an archive; the
 * server judges each of the others, and the modal stays open to list those it refused.
 */
export const BulkPlanActionModal: FC<Props> = ({ action, rows, onClose, onDone }) => {
  const { t } = useForkliftTranslation();
  const bulk = useBulkPlanAction(action);
  const toAct = action === 'archive' ? rows.filter((row) => row.status !== 'Archived') : rows;
  const skipped = rows.length - toAct.length;
  const notArchived = rows.filter((row) => row.status !== 'Archived').length;
  const managed = rows.filter((row) => (row.plan.metadata?.ownerReferences ?? []).length > 0);
  const isArchive = action === 'archive';
  return (
    <MutationModal
      testId="bulk-plan-action-modal"
      title={isArchive ? t('Archive plans?') : t('Delete plans?')}
      titleIconVariant="warning"
      onClose={onClose}
      mutation={bulk}
      errorTitle={isArchive ? t('The plans were not archived') : t('The plans were not deleted')}
      errorTestId="bulk-plan-action-error"
      actionLabel={isArchive ? t('Archive') : t('Delete')}
      actionVariant={isArchive ? 'primary' : 'danger'}
      actionTestId="confirm-bulk-plan-action"
      isActionDisabled={toAct.length === 0 || bulk.data !== undefined}
      onAction={() =>
        bulk.mutate(toAct, {
          onSuccess: (results) => {
            if (results.every((result) => result.ok)) onDone();
          },
        })
      }
    >
      <Stack hasGutter>
        <Content component="p">
          {isArchive
            ? t(
                'Archive {{count}} plans? Their migration history, metadata and logs are deleted; archived plans cannot be edited or restarted.',
                { count: toAct.length },
              )
            : t(
                'Delete {{count}} plans? The maps, hooks and secrets each plan owns are deleted with it.',
                { count: toAct.length },
              )}
        </Content>
        {skipped > 0 && (
          <Alert
            variant="info"
            isInline
            isPlain
            title={t('{{count}} plans are already archived and are skipped.', { count: skipped })}
            data-testid="bulk-skipped-archived"
          />
        )}
        {!isArchive && notArchived > 0 && (
          <Alert
            variant="info"
            isInline
            title={t('{{count}} of the plans are not archived', { count: notArchived })}
            data-testid="bulk-not-archived"
          >
            {t(
              'Archiving a plan first removes the temporary resources its migrations left behind.',
            )}
          </Alert>
        )}
        {!isArchive && managed.length > 0 && (
          <Alert
            variant="warning"
            isInline
            title={t('Some plans are managed by other resources')}
            data-testid="bulk-managed"
          >
            {managed.map((row) => row.name).join(', ')}
          </Alert>
        )}
        {bulk.data && <PlanActionFailures results={bulk.data} />}
      </Stack>
    </MutationModal>
  );
};
