import type { FC } from 'react';
import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Pagination,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { CONCERN_CATEGORIES, type ConcernCategory } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { CheckboxFilter } from '../../components/CheckboxFilter.tsx';
import { VM_PER_PAGE_OPTIONS, useVmTable } from '../../hooks/useVmTable.ts';
import {
  NO_VM_FILTERS,
  POWER_STATES,
  formatBytes,
  formatMemory,
  type InventoryNamed,
  type InventoryVm,
  type PowerState,
  type VmRow,
  type VmSortColumn,
} from '../../utils/vm-table.ts';
import { ConcernBadges } from './ConcernBadges.tsx';

type Props = {
  /** Which columns, in order (VM_COLUMNS of the provider type). */
  columnKeys: readonly VmSortColumn[];
  vms: readonly InventoryVm[];
  hosts: readonly InventoryNamed[] | undefined;
  folders: readonly InventoryNamed[] | undefined;
};

const PER_PAGE_OPTIONS = VM_PER_PAGE_OPTIONS.map((value) => ({ title: String(value), value }));

/** The provider's VMs, one page at a time: only the visible rows are rendered. */
export const VmTable: FC<Props> = ({ columnKeys, vms, hosts, folders }) => {
  const { t } = useForkliftTranslation();
  const table = useVmTable(vms, hosts, folders);
  const { filters, setFilters, sort } = table;

  const titles: Record<VmSortColumn, string> = {
    name: t('Name'),
    power: t('Power state'),
    host: t('Host'),
    folder: t('Folder'),
    guestOs: t('Guest OS'),
    ovfPath: t('OVF path'),
    cpus: t('CPUs'),
    memory: t('Memory'),
    disks: t('Disks'),
    concerns: t('Concerns'),
  };
  const columns = columnKeys.map((key) => ({ key, title: titles[key] }));
  const powerLabels: Record<PowerState, string> = {
    on: t('On'),
    off: t('Off'),
    unknown: t('Unknown'),
  };
  const concernLabels: Record<ConcernCategory, string> = {
    Critical: t('Critical'),
    Warning: t('Warning'),
    Information: t('Information'),
  };
  const sortIndex = columns.findIndex((column) => column.key === sort.column);
  const cell = (row: VmRow, key: VmSortColumn) => {
    switch (key) {
      case 'name':
        return row.name;
      case 'power':
        return <span data-testid={`vm-power-${row.name}`}>{powerLabels[row.power]}</span>;
      case 'host':
        return row.hostName || '-';
      case 'folder':
        return <span title={row.path}>{row.folderName || '-'}</span>;
      case 'guestOs':
        return row.guestOs || '-';
      case 'ovfPath':
        return row.ovfPath || '-';
      case 'cpus':
        return row.cpuCount;
      case 'memory':
        return formatMemory(row.memoryMB);
      case 'disks':
        return row.diskCount > 0 ? `${row.diskCount} (${formatBytes(row.diskBytes)})` : '0';
      case 'concerns':
        return <ConcernBadges row={row} />;
    }
  };

  const pagination = (variant: 'top' | 'bottom') => (
    <Pagination
      variant={variant}
      itemCount={table.matching}
      page={table.page}
      perPage={table.perPage}
      perPageOptions={PER_PAGE_OPTIONS}
      onSetPage={(_event, page) => table.setPage(page)}
      onPerPageSelect={(_event, perPage) => table.setPerPage(perPage)}
      isCompact={variant === 'top'}
      data-testid={`vm-pagination-${variant}`}
    />
  );

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
      <Toolbar clearAllFilters={() => setFilters(NO_VM_FILTERS)}>
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput
              placeholder={t('Filter by name')}
              aria-label={t('Filter by name')}
              value={filters.name}
              onChange={(_event, name) => setFilters({ ...filters, name })}
              onClear={() => setFilters({ ...filters, name: '' })}
              data-testid="vm-name-filter"
            />
          </ToolbarItem>
          <ToolbarGroup variant="filter-group">
            {columnKeys.includes('power') && (
              <ToolbarFilter
                categoryName={t('Power state')}
                labels={filters.power.map((power) => ({ key: power, node: powerLabels[power] }))}
                deleteLabel={(_category, label) =>
                  setFilters({
                    ...filters,
                    power: filters.power.filter(
                      (power) => power !== (typeof label === 'string' ? label : label.key),
                    ),
                  })
                }
                deleteLabelGroup={() => setFilters({ ...filters, power: [] })}
              >
                <CheckboxFilter
                  label={t('Power state')}
                  options={POWER_STATES.map((value) => ({ value, label: powerLabels[value] }))}
                  selected={filters.power}
                  onChange={(power) => setFilters({ ...filters, power })}
                  testId="vm-power-filter"
                />
              </ToolbarFilter>
            )}
            <ToolbarFilter
              categoryName={t('Concerns')}
              labels={filters.concern.map((category) => ({
                key: category,
                node: concernLabels[category],
              }))}
              deleteLabel={(_category, label) =>
                setFilters({
                  ...filters,
                  concern: filters.concern.filter(
                    (category) => category !== (typeof label === 'string' ? label : label.key),
                  ),
                })
              }
              deleteLabelGroup={() => setFilters({ ...filters, concern: [] })}
            >
              <CheckboxFilter
                label={t('Concerns')}
                options={CONCERN_CATEGORIES.map((value) => ({
                  value,
                  label: concernLabels[value],
                }))}
                selected={filters.concern}
                onChange={(concern) => setFilters({ ...filters, concern })}
                testId="vm-concern-filter"
              />
            </ToolbarFilter>
          </ToolbarGroup>
          <ToolbarItem variant="pagination">{pagination('top')}</ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {table.matching === 0 ? (
        <EmptyState
          titleText={t('No virtual machines match the filters')}
          headingLevel="h2"
          data-testid="vms-no-match"
        >
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button variant="link" onClick={() => setFilters(NO_VM_FILTERS)}>
                {t('Clear all filters')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      ) : (
        <Table aria-label={t('Virtual machines')} variant="compact" data-testid="vm-table">
          <Thead>
            <Tr>
              {columns.map((column, columnIndex) => (
                <Th
                  key={column.key}
                  // Sort buttons take room: let titles wrap rather than cut to "Pow…".
                  modifier="wrap"
                  sort={{
                    columnIndex,
                    sortBy: { index: sortIndex, direction: sort.direction },
                    onSort: (_event, index, direction) =>
                      table.setSort({ column: columns[index]!.key, direction }),
                  }}
                >
                  {column.title}
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {table.visible.map((row) => (
              <Tr key={row.id} data-testid={`vm-row-${row.name}`}>
                {columns.map(({ key, title }) => (
                  // A file path has no spaces to wrap at.
                  <Td
                    key={key}
                    dataLabel={title}
                    modifier={key === 'ovfPath' ? 'breakWord' : undefined}
                  >
                    {cell(row, key)}
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {table.matching > 0 && pagination('bottom')}
    </>
  );
};
