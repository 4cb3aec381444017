import type { FC } from 'react';
import {
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { CONCERN_CATEGORIES } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { EnumToolbarFilter } from '../../components/EnumToolbarFilter.tsx';
import type { VmTableState } from '../../hooks/useVmTable.ts';
import type { VmTableLabels } from '../../../../hooks/useVmTableLabels.ts';
import {
  NO_VM_FILTERS,
  POWER_STATES,
  VM_FEATURES,
  type VmSortColumn,
} from '../../../../utils/vm-table.ts';
import { VmTablePagination } from './VmTablePagination.tsx';

type Props = {
  table: VmTableState;
  labels: VmTableLabels;
  /** The table's columns: a filter shows only where its column is. */
  columnKeys: readonly VmSortColumn[];
};

const optionsOf = <V extends string>(values: readonly V[], names: Record<V, string>) =>
  values.map((value) => ({ value, label: names[value] }));

/** The VM table's name filter, the filters of its columns, and the compact pagination. */
export const VmTableToolbar: FC<Props> = ({ table, labels, columnKeys }) => {
  const { t } = useForkliftTranslation();
  const { filters, setFilters } = table;
  return (
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
            <EnumToolbarFilter
              category={labels.columns.power}
              options={optionsOf(POWER_STATES, labels.power)}
              selected={filters.power}
              onChange={(power) => setFilters({ ...filters, power })}
              testId="vm-power-filter"
            />
          )}
          {columnKeys.includes('concerns') && (
            <EnumToolbarFilter
              category={labels.columns.concerns}
              options={optionsOf(CONCERN_CATEGORIES, labels.concerns)}
              selected={filters.concern}
              onChange={(concern) => setFilters({ ...filters, concern })}
              testId="vm-concern-filter"
            />
          )}
          {columnKeys.includes('features') && (
            <EnumToolbarFilter
              category={labels.columns.features}
              options={optionsOf(VM_FEATURES, labels.features)}
              selected={filters.features}
              onChange={(features) => setFilters({ ...filters, features })}
              testId="vm-features-filter"
            />
          )}
        </ToolbarGroup>
        <ToolbarItem variant="pagination">
          <VmTablePagination table={table} variant="top" />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};
