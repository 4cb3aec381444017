import type { FC } from 'react';
import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useVmTable } from '../../hooks/useVmTable.ts';
import { useVmTableLabels } from '../../../../hooks/useVmTableLabels.ts';
import { NO_VM_FILTERS, type VmRow, type VmSortColumn } from '../../../../utils/vm-table.ts';
import { VmRowsTable } from './VmRowsTable.tsx';
import { VmTablePagination } from './VmTablePagination.tsx';
import { VmTableToolbar } from './VmTableToolbar.tsx';

type Props = {
  /** Which columns, in order (VM_COLUMNS of the provider type). */
  columnKeys: readonly VmSortColumn[];
  /** The provider's VMs as rows, memoized by the caller on the inventory it read. */
  rows: readonly VmRow[];
};

/** The provider's VMs, one page at a time: only the visible rows are rendered. */
export const VmTable: FC<Props> = ({ columnKeys, rows }) => {
  const { t } = useForkliftTranslation();
  const table = useVmTable(rows);
  const labels = useVmTableLabels();

  if (table.total === 0) {
    return (
      <EmptyState titleText={t('No virtual machines')} headingLevel="h2" data-testid="vms-empty">
        <EmptyStateBody>
          {t('The inventory of this provider holds no virtual machines.')}
        </EmptyStateBody>
      </EmptyState>
    );
  }

  return (
    <>
      <VmTableToolbar table={table} labels={labels} columnKeys={columnKeys} />
      {table.matching === 0 ? (
        <EmptyState
          titleText={t('No virtual machines match the filters')}
          headingLevel="h2"
          data-testid="vms-no-match"
        >
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="link" onClick={() => table.setFilters(NO_VM_FILTERS)}>
                {t('Clear all filters')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      ) : (
        <>
          <VmRowsTable
            columnKeys={columnKeys}
            rows={table.visible}
            sort={table.sort}
            onSort={table.setSort}
            labels={labels}
          />
          <VmTablePagination table={table} variant="bottom" />
        </>
      )}
    </>
  );
};
