import type { FC } from 'react';
import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../utils/i18n.ts';

export type Condition = {
  type?: string;
  status?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
};

type Props = {
  conditions: readonly Condition[];
  /** Says who has not reported yet, e.g. "No operator has reported … yet." */
  emptyMessage: string;
};

/** A resource's status conditions as its controller reports them. */
export const ConditionsTable: FC<Props> = ({ conditions, emptyMessage }) => {
  const { t } = useForkliftTranslation();
  if (conditions.length === 0) {
    return (
      <EmptyState titleText={t('No conditions')} headingLevel="h3" data-testid="conditions-empty">
        <EmptyStateBody>{emptyMessage}</EmptyStateBody>
      </EmptyState>
    );
  }
  return (
    <Table aria-label={t('Conditions')} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('Type')}</Th>
          <Th>{t('Status')}</Th>
          <Th>{t('Updated')}</Th>
          <Th>{t('Reason')}</Th>
          <Th>{t('Message')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {conditions.map((condition) => (
          <Tr key={condition.type} data-testid={`condition-row-${condition.type}`}>
            <Td dataLabel={t('Type')}>{condition.type}</Td>
            <Td dataLabel={t('Status')}>{condition.status}</Td>
            <Td dataLabel={t('Updated')}>
              {condition.lastTransitionTime
                ? new Date(condition.lastTransitionTime).toLocaleString()
                : '-'}
            </Td>
            <Td dataLabel={t('Reason')}>{condition.reason ?? '-'}</Td>
            <Td dataLabel={t('Message')}>{condition.message ?? '-'}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
