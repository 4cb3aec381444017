import type { FC } from 'react';
import {
  DrawerActions,
  DrawerCloseButton,
  DrawerHead,
  DrawerPanelBody,
  DrawerPanelContent,
  EmptyState,
  Label,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanConcern } from '../utils/plan-concerns.ts';

type Props = { concerns: readonly PlanConcern[]; onClose: () => void };

const severityColor = (severity: string) =>
  severity === 'Critical' || severity === 'Error'
    ? 'red'
    : severity.startsWith('Warn')
      ? 'orange'
      : 'blue';

/** The side drawer: every concern of the plan and its VMs, with what it impacts. */
export const PlanConcernsPanel: FC<Props> = ({ concerns, onClose }) => {
  const { t } = useForkliftTranslation();
  return (
    <DrawerPanelContent
      widths={{ default: 'width_75', xl: 'width_50' }}
      data-testid="plan-concerns-drawer"
    >
      <DrawerHead>
        <Title headingLevel="h2">{t('Plan concerns')}</Title>
        <DrawerActions>
          <DrawerCloseButton onClick={onClose} aria-label={t('Close')} />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody>
        {concerns.length === 0 ? (
          <EmptyState titleText={t('No concerns')} headingLevel="h3" />
        ) : (
          <Table aria-label={t('Plan concerns')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('Severity')}</Th>
                <Th>{t('Type')}</Th>
                <Th>{t('Impacted resources')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {concerns.map((concern, index) => (
                <Tr key={`${concern.source}-${concern.type}-${index}`}>
                  <Td dataLabel={t('Severity')}>
                    <Label color={severityColor(concern.severity)}>{concern.severity}</Label>
                  </Td>
                  <Td dataLabel={t('Type')}>
                    {concern.type}
                    {concern.message && (
                      <div className="pf-v6-u-font-size-sm pf-v6-u-color-200">
                        {concern.message}
                      </div>
                    )}
                  </Td>
                  <Td dataLabel={t('Impacted resources')}>
                    {concern.resources.length > 0 ? concern.resources.join(', ') : t('The plan')}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </DrawerPanelBody>
    </DrawerPanelContent>
  );
};
