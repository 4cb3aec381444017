import { useState, type FC } from 'react';
import { Button, Flex, FlexItem, Progress, ProgressSize, Timestamp } from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { Plan } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import { CancelMigrationModal } from '../../../../actions/CancelMigrationModal.tsx';
import { usePlanStart } from '../../../../actions/hooks/usePlanStart.ts';
import { cancelableVms } from '../../../../actions/utils/cancelable-vms.ts';
import { VmStateIcon } from '../../../../components/VmStateIcon.tsx';
import { vmStateLabel } from '../../../../utils/vm-state-labels.ts';
import { useMigrationResources } from '../../../hooks/useMigrationResources.ts';
import { migrationVmRows } from '../../../utils/migration-vms.ts';
import { MigrationVmDetails } from './MigrationVmDetails.tsx';

const time = (value: string | undefined) => (value ? <Timestamp date={new Date(value)} /> : '–');

/** During and after a migration: each VM's state, disks, times, and its pipeline when expanded. */
export const MigrationVmsTable: FC<{ plan: Plan }> = ({ plan }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const rows = migrationVmRows(plan.status?.migration?.vms ?? []);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [canceling, setCanceling] = useState<string>();
  const { active } = usePlanStart(plan);
  const resources = useMigrationResources(namespace, name, expanded.size > 0);
  const cancelable = new Set(cancelableVms(plan).map((vm) => vm.id));
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const targetNamespace = resources.data?.namespace ?? plan.spec?.targetNamespace ?? namespace;

  return (
    <>
      <Table aria-label={t('Virtual machines')} variant="compact" data-testid="migration-vms-table">
        <Thead>
          <Tr>
            <Th screenReaderText={t('Details')} />
            <Th>{t('Name')}</Th>
            <Th>{t('Pipeline status')}</Th>
            <Th>{t('Disk transfer')}</Th>
            <Th>{t('Disks')}</Th>
            <Th>{t('Started at')}</Th>
            <Th>{t('Completed at')}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        {rows.map((row, rowIndex) => {
          const isExpanded = expanded.has(row.id);
          return (
            <Tbody key={row.id} isExpanded={isExpanded}>
              <Tr data-testid={`migration-vm-row-${row.id}`}>
                <Td expand={{ rowIndex, isExpanded, onToggle: () => toggle(row.id) }} />
                <Td dataLabel={t('Name')}>{row.name}</Td>
                <Td dataLabel={t('Pipeline status')} data-testid="migration-vm-state">
                  <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
                    <FlexItem>
                      <VmStateIcon state={row.state} />
                    </FlexItem>
                    <FlexItem>
                      {vmStateLabel(row.state, t)}
                      {row.state === 'Running' && row.step ? `: ${row.step}` : ''}
                    </FlexItem>
                  </Flex>
                </Td>
                <Td dataLabel={t('Disk transfer')}>
                  <Progress
                    value={row.percent}
                    size={ProgressSize.sm}
                    aria-label={t('Disk transfer of {{name}}', { name: row.name })}
                    variant={
                      row.state === 'Failed'
                        ? 'danger'
                        : row.state === 'Succeeded'
                          ? 'success'
                          : undefined
                    }
                  />
                </Td>
                <Td dataLabel={t('Disks')}>
                  {t('{{done}}/{{total}} disks', { done: row.disks.done, total: row.disks.total })}
                </Td>
                <Td dataLabel={t('Started at')}>{time(row.started)}</Td>
                <Td dataLabel={t('Completed at')}>{time(row.completed)}</Td>
                <Td isActionCell>
                  {active && cancelable.has(row.id) && (
                    <Button
                      variant="link"
                      isInline
                      isDanger
                      onClick={() => setCanceling(row.id)}
                      data-testid={`cancel-vm-action-${row.id}`}
                    >
                      {t('Cancel')}
                    </Button>
                  )}
                </Td>
              </Tr>
              <Tr isExpanded={isExpanded}>
                <Td colSpan={8}>
                  {isExpanded && (
                    <ExpandableRowContent>
                      <MigrationVmDetails
                        row={row}
                        namespace={targetNamespace}
                        resources={resources.data?.vms.find((vm) => vm.vmID === row.id)}
                        resourcesError={resources.error}
                      />
                    </ExpandableRowContent>
                  )}
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
      {canceling && (
        <CancelMigrationModal
          plan={{ namespace, name }}
          vms={cancelableVms(plan)}
          preselected={[canceling]}
          onClose={() => setCanceling(undefined)}
        />
      )}
    </>
  );
};
