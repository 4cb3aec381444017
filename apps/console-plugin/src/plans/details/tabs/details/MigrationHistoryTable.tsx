import type { FC } from 'react';
import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { MigrationModel, type Migration, type Plan } from '@forklift-console/api';
import { useResourcesInNamespace } from '../../../../hooks/useResource.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';

const OUTCOMES = ['Succeeded', 'Failed', 'Canceled', 'Executing'] as const;

const when = (time: string | undefined) => (time ? new Date(time).toLocaleString() : '-');

/** The plan's past migrations (status.migration.history), with the times their Migration kept. */
export const MigrationHistoryTable: FC<{ plan: Plan }> = ({ plan }) => {
  const { t } = useForkliftTranslation();
  const history = plan.status?.migration?.history ?? [];
  const migrations = useResourcesInNamespace<Migration>(
    MigrationModel,
    plan.metadata?.namespace ?? '',
  );
  if (history.length === 0) {
    return (
      <EmptyState
        titleText={t('No migrations yet')}
        headingLevel="h3"
        data-testid="migration-history-empty"
      >
        <EmptyStateBody>{t('The plan has not been executed for migration.')}</EmptyStateBody>
      </EmptyState>
    );
  }
  const byUid = new Map((migrations.data ?? []).map((m) => [m.metadata?.uid, m]));
  return (
    <Table aria-label={t('Migration history')} variant="compact" data-testid="migration-history">
      <Thead>
        <Tr>
          <Th>{t('Migration')}</Th>
          <Th>{t('Outcome')}</Th>
          <Th>{t('Started at')}</Th>
          <Th>{t('Completed at')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {history.map((snapshot) => {
          const migration = byUid.get(snapshot.migration.uid);
          const outcome = OUTCOMES.find((type) =>
            (snapshot.conditions ?? []).some((c) => c.type === type && c.status === 'True'),
          );
          return (
            <Tr key={snapshot.migration.uid}>
              <Td dataLabel={t('Migration')}>{snapshot.migration.name}</Td>
              <Td dataLabel={t('Outcome')}>{outcome ?? '-'}</Td>
              <Td dataLabel={t('Started at')}>{when(migration?.status?.started)}</Td>
              <Td dataLabel={t('Completed at')}>{when(migration?.status?.completed)}</Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
