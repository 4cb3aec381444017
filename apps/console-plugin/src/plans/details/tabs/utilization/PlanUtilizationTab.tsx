import type { FC } from 'react';
import { Alert, EmptyState, EmptyStateBody, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { LoadingSpinner } from '../../../../components/LoadingSpinner.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { planUtilization } from '../../utils/plan-utilization.ts';

/** The plan VMs' count, CPUs and memory from the source inventory, in total and running now. */
export const PlanUtilizationTab: FC<PlanTabProps> = ({ plan, inventory }) => {
  const { t } = useForkliftTranslation();
  if (inventory.isLoading) return <LoadingSpinner />;
  if (!inventory.provider) {
    return (
      <EmptyState
        titleText={t('No inventory to read')}
        headingLevel="h2"
        data-testid="utilization-empty"
      >
        <EmptyStateBody>
          {t('The source provider of this plan does not exist, so its VMs cannot be measured.')}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  const ids = (plan.spec?.vms ?? []).flatMap((vm) => (vm.id ? [vm.id] : []));
  const { total, running, unknown } = planUtilization(ids, inventory.vms);
  const memory = (mb: number) => t('{{gib}} GiB', { gib: (mb / 1024).toFixed(1) });
  return (
    <>
      <Title headingLevel="h2" className="pf-v6-u-mb-md">
        {t('Utilization')}
      </Title>
      <Table aria-label={t('Utilization')} variant="compact" data-testid="utilization-table">
        <Thead>
          <Tr>
            <Th>{t('Resource')}</Th>
            <Th>{t('Total virtual machines')}</Th>
            <Th>{t('Running virtual machines')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          <Tr>
            <Td>{t('Virtual machines')}</Td>
            <Td data-testid="utilization-vms">{total.vms}</Td>
            <Td>{running.vms}</Td>
          </Tr>
          <Tr>
            <Td>{t('Total CPU count')}</Td>
            <Td data-testid="utilization-cpus">{t('{{number}} Cores', { number: total.cpus })}</Td>
            <Td>{t('{{number}} Cores', { number: running.cpus })}</Td>
          </Tr>
          <Tr>
            <Td>{t('Total memory')}</Td>
            <Td>{memory(total.memoryMB)}</Td>
            <Td>{memory(running.memoryMB)}</Td>
          </Tr>
        </Tbody>
      </Table>
      {unknown > 0 && (
        <Alert
          variant="warning"
          isInline
          isPlain
          className="pf-v6-u-mt-md"
          title={t('{{number}} VMs of the plan are not in the inventory and are not counted', {
            number: unknown,
          })}
        />
      )}
    </>
  );
};
