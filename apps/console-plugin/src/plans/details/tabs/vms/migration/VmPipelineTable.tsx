import type { FC } from 'react';
import { Flex, FlexItem, Stack, StackItem, Timestamp } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { MigrationVmStatus } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import { VmStateIcon } from '../../../../components/VmStateIcon.tsx';
import { isDiskStep, stepState } from '../../../utils/migration-vms.ts';
import { DiskTaskProgress } from './DiskTaskProgress.tsx';

const time = (value: string | undefined) => (value ? <Timestamp date={new Date(value)} /> : '–');

/** The VM's pipeline: each step with its state, times and, for disk steps, each disk's bar. */
export const VmPipelineTable: FC<{ vm: MigrationVmStatus }> = ({ vm }) => {
  const { t } = useForkliftTranslation();
  return (
    <Table aria-label={t('Pipeline')} variant="compact" data-testid={`pipeline-${vm.id}`}>
      <Thead>
        <Tr>
          <Th>{t('Step')}</Th>
          <Th>{t('Description')}</Th>
          <Th>{t('Started at')}</Th>
          <Th>{t('Completed at')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {(vm.pipeline ?? []).map((step) => (
          <Tr key={step.name} data-testid={`pipeline-step-${step.name}`}>
            <Td dataLabel={t('Step')}>
              <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
                <FlexItem>
                  <VmStateIcon state={stepState(step)} />
                </FlexItem>
                <FlexItem>{step.name}</FlexItem>
              </Flex>
            </Td>
            <Td dataLabel={t('Description')}>
              <Stack>
                <StackItem>{step.description ?? '–'}</StackItem>
                {step.reason && <StackItem className="pf-v6-u-color-200">{step.reason}</StackItem>}
                {isDiskStep(step) &&
                  (step.tasks ?? []).map((task) => (
                    <StackItem key={task.name}>
                      <DiskTaskProgress task={task} />
                    </StackItem>
                  ))}
              </Stack>
            </Td>
            <Td dataLabel={t('Started at')}>{time(step.started)}</Td>
            <Td dataLabel={t('Completed at')}>{time(step.completed)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
