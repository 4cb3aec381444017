import type { FC } from 'react';
import { Button, Flex, FlexItem, Progress, ProgressSize, Timestamp } from '@patternfly/react-core';
import { CollapseColumn, ExpandableRowContent, Tbody, Td, Tr } from '@patternfly/react-table';
import type { VmMigrationResources } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import { VmStateIcon } from '../../../../components/VmStateIcon.tsx';
import { vmStateLabel } from '../../../../utils/vm-state-labels.ts';
import type { MigrationVmRow as Row } from '../../../utils/migration-vms.ts';
import { MigrationVmDetails } from './MigrationVmDetails.tsx';

/**
 * This table's own prefix of its expand toggles' ids: PatternFly's default `expand-toggle<row>`
 * is shared with every other table's toggles on the page.
 */
export const MIGRATION_VM_EXPAND_ID = 'migration-vm-expand-';

export const MIGRATION_VM_COLUMNS = 9;

const time = (value: string | undefined) => (value ? <Timestamp date={new Date(value)} /> : '–');

type Props = {
  row: Row;
  rowIndex: number;
  isExpanded: boolean;
  onToggle: () => void;
  isSelected: boolean;
  /** Only VMs the migration has not finished with can be selected (for Cancel selected). */
  isSelectable: boolean;
  onSelect: (isSelecting: boolean) => void;
  /** Offer this VM's own Cancel (a migration is active and has not finished with it). */
  canCancel: boolean;
  onCancel: () => void;
  targetNamespace: string;
  resources: VmMigrationResources | undefined;
  resourcesError: Error | null;
};

/** One VM of the migration: its state, disks and times, and when expanded its pipeline. */
export const MigrationVmRow: FC<Props> = ({
  row,
  rowIndex,
  isExpanded,
  onToggle,
  isSelected,
  isSelectable,
  onSelect,
  canCancel,
  onCancel,
  targetNamespace,
  resources,
  resourcesError,
}) => {
  const { t } = useForkliftTranslation();
  return (
    <Tbody isExpanded={isExpanded}>
      <Tr data-testid={`migration-vm-row-${row.id}`}>
        {/* PatternFly's `expand` cell cannot take an aria-label, so the toggle is its own: named
            after the VM, so that a test or a screen reader tells the rows' toggles apart. */}
        <Td className="pf-v6-c-table__toggle">
          <CollapseColumn
            id={`${MIGRATION_VM_EXPAND_ID}${rowIndex}`}
            isOpen={isExpanded}
            onToggle={onToggle}
            variant="compact"
            aria-label={t('Details of {{name}}', { name: row.name })}
          />
        </Td>
        <Td
          select={{
            rowIndex,
            isSelected,
            isDisabled: !isSelectable,
            onSelect: (_event, isSelecting) => onSelect(isSelecting),
          }}
          data-testid={`migration-vm-select-${row.id}`}
        />
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
              row.state === 'Failed' ? 'danger' : row.state === 'Succeeded' ? 'success' : undefined
            }
          />
        </Td>
        <Td dataLabel={t('Disks')}>
          {t('{{done}}/{{total}} disks', { done: row.disks.done, total: row.disks.total })}
        </Td>
        <Td dataLabel={t('Started at')}>{time(row.started)}</Td>
        <Td dataLabel={t('Completed at')}>{time(row.completed)}</Td>
        <Td isActionCell>
          {canCancel && (
            <Button
              variant="link"
              isInline
              isDanger
              onClick={onCancel}
              data-testid={`cancel-vm-action-${row.id}`}
            >
              {t('Cancel')}
            </Button>
          )}
        </Td>
      </Tr>
      <Tr isExpanded={isExpanded}>
        <Td colSpan={MIGRATION_VM_COLUMNS}>
          {isExpanded && (
            <ExpandableRowContent>
              <MigrationVmDetails
                row={row}
                namespace={targetNamespace}
                resources={resources}
                resourcesError={resourcesError}
              />
            </ExpandableRowContent>
          )}
        </Td>
      </Tr>
    </Tbody>
  );
};
