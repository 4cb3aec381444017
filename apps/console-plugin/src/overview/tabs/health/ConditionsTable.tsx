import type { FC } from 'react';
import { Alert, EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useForkliftController } from '../../hooks/useForkliftController.ts';

type Condition = {
  type?: string;
  status?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
};

/** The ForkliftController's conditions, as its operator reports them. */
export const ConditionsTable: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: controller, error, isPending } = useForkliftController();
  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return (
      <Alert variant="danger" isInline title={t('Could not load the ForkliftController')}>
        {error.message}
      </Alert>
    );
  }
  const conditions = ((controller.status as { conditions?: Condition[] } | undefined)?.conditions ??
    []) as Condition[];
  if (conditions.length === 0) {
    return (
      <EmptyState titleText={t('No conditions')} headingLevel="h3" data-testid="conditions-empty">
        <EmptyStateBody>
          {t('No operator has reported conditions on the ForkliftController yet.')}
        </EmptyStateBody>
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
