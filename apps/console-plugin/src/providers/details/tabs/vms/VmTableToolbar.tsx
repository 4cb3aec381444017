import type { FC } from 'react';
import {
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { CheckboxFilter } from '../../components/CheckboxFilter.tsx';
import type { VmTableState } from '../../hooks/useVmTable.ts';
import type { VmTableLabels } from '../../hooks/useVmTableLabels.ts';
import { CONCERN_CATEGORIES, type ConcernCategory } from '@forklift-console/api';
import { NO_VM_FILTERS, POWER_STATES, type PowerState } from '../../utils/vm-table.ts';
import { VmTablePagination } from './VmTablePagination.tsx';

type Props = {
  table: VmTableState;
  labels: VmTableLabels;
  /** The power filter shows only where the table has a power column. */
  hasPowerFilter: boolean;
};

const keyOf = <K extends string>(label: string | { key: string }) =>
  (typeof label === 'string' ? label : label.key) as K;

/** The VM table's name, power and concern filters with their labels, and the compact pagination. */
export const VmTableToolbar: FC<Props> = ({ table, labels, hasPowerFilter }) => {
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
          {hasPowerFilter && (
            <ToolbarFilter
              categoryName={t('Power state')}
              labels={filters.power.map((power) => ({ key: power, node: labels.power[power] }))}
              deleteLabel={(_category, label) =>
                setFilters({
                  ...filters,
                  power: filters.power.filter((power) => power !== keyOf<PowerState>(label)),
                })
              }
              deleteLabelGroup={() => setFilters({ ...filters, power: [] })}
            >
              <CheckboxFilter
                label={t('Power state')}
                options={POWER_STATES.map((value) => ({ value, label: labels.power[value] }))}
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
              node: labels.concerns[category],
            }))}
            deleteLabel={(_category, label) =>
              setFilters({
                ...filters,
                concern: filters.concern.filter(
                  (category) => category !== keyOf<ConcernCategory>(label),
                ),
              })
            }
            deleteLabelGroup={() => setFilters({ ...filters, concern: [] })}
          >
            <CheckboxFilter
              label={t('Concerns')}
              options={CONCERN_CATEGORIES.map((value) => ({
                value,
                label: labels.concerns[value],
              }))}
              selected={filters.concern}
              onChange={(concern) => setFilters({ ...filters, concern })}
              testId="vm-concern-filter"
            />
          </ToolbarFilter>
        </ToolbarGroup>
        <ToolbarItem variant="pagination">
          <VmTablePagination table={table} variant="top" />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};
