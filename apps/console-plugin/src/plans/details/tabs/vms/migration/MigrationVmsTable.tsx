import { useMemo, useState, type FC } from 'react';
import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { Plan } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import { CancelMigrationModal } from '../../../../actions/CancelMigrationModal.tsx';
import { usePlanStart } from '../../../../actions/hooks/usePlanStart.ts';
import { cancelableVms, cancelSelection } from '../../../../actions/utils/cancelable-vms.ts';
import { useMigrationResources } from '../../../hooks/useMigrationResources.ts';
import { useMigrationVmFilters } from '../../../hooks/useMigrationVmFilters.ts';
import {
  filterMigrationVmRows,
  rowsMatchingName,
  vmStateTotals,
} from '../../../utils/migration-vm-filters.ts';
import { migrationVmRows } from '../../../utils/migration-vms.ts';
import { MIGRATION_VM_COLUMNS, MigrationVmRow } from './MigrationVmRow.tsx';
import { MigrationVmsToolbar } from './MigrationVmsToolbar.tsx';

const toggled = (set: ReadonlySet<string>, id: string, isIn: boolean): ReadonlySet<string> => {
  const next = new Set(set);
  if (isIn) next.add(id);
  else next.delete(id);
  return next;
};

/**
 * During and after a migration: each VM's state, disks, times, and its pipeline when expanded;
 * filtered by state and name (in the URL), with Cancel for the selected VMs.
 */
export const MigrationVmsTable: FC<{ plan: Plan }> = ({ plan }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const rows = useMemo(() => migrationVmRows(plan.status?.migration?.vms ?? []), [plan]);
  const { filters, setFilters } = useMigrationVmFilters();
  const totals = vmStateTotals(rowsMatchingName(rows, filters.name));
  const visible = filterMigrationVmRows(rows, filters);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [canceling, setCanceling] = useState<readonly string[]>();
  const { active } = usePlanStart(plan);
  const resources = useMigrationResources(namespace, name, expanded.size > 0);
  const cancelable = cancelableVms(plan);
  const cancelableIds = new Set(cancelable.map((vm) => vm.id));
  const selection = cancelSelection(selected, cancelable, active !== undefined);
  const visibleSelectable = visible.filter((row) => cancelableIds.has(row.id));
  const isVisibleSelected =
    visibleSelectable.length > 0 && visibleSelectable.every((row) => selected.has(row.id));
  const targetNamespace = resources.data?.namespace ?? plan.spec?.targetNamespace ?? namespace;

  return (
    <>
      <MigrationVmsToolbar
        filters={filters}
        totals={totals}
        onFiltersChange={setFilters}
        selection={selection}
        onCancelSelected={() => setCanceling(selection.ids)}
      />
      <Table aria-label={t('Virtual machines')} variant="compact" data-testid="migration-vms-table">
        <Thead>
          <Tr>
            <Th screenReaderText={t('Details')} />
            <Th
              select={{
                onSelect: (_event, isSelecting) =>
                  setSelected(
                    visibleSelectable.reduce(
                      (next, row) => toggled(next, row.id, isSelecting),
                      selected,
                    ),
                  ),
                isSelected: isVisibleSelected,
                isHeaderSelectDisabled: visibleSelectable.length === 0,
              }}
              aria-label={t('Select the VMs shown')}
            />
            <Th>{t('Name')}</Th>
            <Th>{t('Pipeline status')}</Th>
            <Th>{t('Disk transfer')}</Th>
            <Th>{t('Disks')}</Th>
            <Th>{t('Started at')}</Th>
            <Th>{t('Completed at')}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        {visible.map((row, rowIndex) => (
          <MigrationVmRow
            key={row.id}
            row={row}
            rowIndex={rowIndex}
            isExpanded={expanded.has(row.id)}
            onToggle={() =>
              setExpanded((current) => toggled(current, row.id, !current.has(row.id)))
            }
            isSelected={selected.has(row.id) && cancelableIds.has(row.id)}
            isSelectable={cancelableIds.has(row.id)}
            onSelect={(isSelecting) =>
              setSelected((current) => toggled(current, row.id, isSelecting))
            }
            canCancel={active !== undefined && cancelableIds.has(row.id)}
            onCancel={() => setCanceling([row.id])}
            targetNamespace={targetNamespace}
            resources={resources.data?.vms.find((vm) => vm.vmID === row.id)}
            resourcesError={resources.error}
          />
        ))}
        {visible.length === 0 && (
          <Tbody>
            <Tr>
              <Td colSpan={MIGRATION_VM_COLUMNS}>
                <EmptyState
                  titleText={t('No VMs match the filters')}
                  headingLevel="h3"
                  variant="sm"
                  data-testid="migration-vms-no-match"
                >
                  <EmptyStateBody>
                    {t('No VM of this migration matches the status and name filters.')}
                  </EmptyStateBody>
                  <EmptyStateFooter>
                    <EmptyStateActions>
                      <Button
                        variant="link"
                        onClick={() => setFilters({ status: undefined, name: '' })}
                      >
                        {t('Clear all filters')}
                      </Button>
                    </EmptyStateActions>
                  </EmptyStateFooter>
                </EmptyState>
              </Td>
            </Tr>
          </Tbody>
        )}
      </Table>
      {canceling && (
        <CancelMigrationModal
          plan={{ namespace, name }}
          vms={cancelable}
          preselected={canceling}
          onClose={() => setCanceling(undefined)}
        />
      )}
    </>
  );
};
