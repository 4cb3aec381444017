import type { FC } from 'react';
import {
  Button,
  DropdownItem,
  Pagination,
  SearchInput,
  Switch,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { PLAN_MIGRATION_STATUSES } from '@forklift-console/api';
import { ActionsDropdown } from '../../../components/ActionsDropdown.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { BulkPlanAction } from '../../actions/hooks/usePlanActionMutations.ts';
import { planStatusLabel } from '../../utils/plan-status-labels.ts';
import { PLANS_PER_PAGE_OPTIONS } from '../hooks/usePlanListState.ts';
import {
  PLAN_MIGRATION_TYPES,
  type PlanFilterName,
  type PlanFilters,
} from '../utils/plan-filters.ts';
import { CheckboxFilter } from './CheckboxFilter.tsx';
import { CreatePlanButton } from './CreatePlanButton.tsx';
import { StartedDateFilter } from './StartedDateFilter.tsx';

type Props = {
  filters: PlanFilters;
  onFilterChange: (filter: PlanFilterName, value: string | boolean | string[] | undefined) => void;
  selectedCount: number;
  onBulkAction: (action: BulkPlanAction) => void;
  onManageColumns: () => void;
  pagination: {
    itemCount: number;
    page: number;
    perPage: number;
    onPage: (page: number) => void;
    onPerPage: (perPage: number) => void;
  };
};

export const PlansToolbar: FC<Props> = ({
  filters,
  onFilterChange,
  selectedCount,
  onBulkAction,
  onManageColumns,
  pagination,
}) => {
  const { t } = useForkliftTranslation();
  const typeLabels = { cold: t('Cold'), warm: t('Warm'), live: t('Live') };
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarGroup variant="filter-group">
          <ToolbarItem>
            <SearchInput
              placeholder={t('Filter by name, project, provider or description')}
              aria-label={t('Filter plans by text')}
              value={filters.text}
              onChange={(_event, value) => onFilterChange('text', value)}
              onClear={() => onFilterChange('text', undefined)}
              data-testid="plan-text-filter"
            />
          </ToolbarItem>
          <ToolbarItem>
            <CheckboxFilter
              label={t('Migration status')}
              options={PLAN_MIGRATION_STATUSES.map((status) => ({
                value: status,
                label: planStatusLabel(status, t),
              }))}
              selected={filters.statuses}
              onChange={(statuses) => onFilterChange('statuses', statuses)}
              testId="plan-status-filter"
            />
          </ToolbarItem>
          <ToolbarItem>
            <CheckboxFilter
              label={t('Migration type')}
              options={PLAN_MIGRATION_TYPES.map((type) => ({
                value: type,
                label: typeLabels[type],
              }))}
              selected={filters.types}
              onChange={(types) => onFilterChange('types', types)}
              testId="plan-type-filter"
            />
          </ToolbarItem>
          <ToolbarItem>
            <StartedDateFilter
              from={filters.startedFrom}
              to={filters.startedTo}
              onChange={onFilterChange}
            />
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarItem alignSelf="center">
          <Switch
            id="plans-show-archived"
            label={t('Show archived')}
            isChecked={filters.showArchived}
            onChange={(_event, checked) => onFilterChange('showArchived', checked)}
            data-testid="show-archived"
          />
        </ToolbarItem>
        <ToolbarItem>
          <ActionsDropdown
            toggleTestId="bulk-actions"
            label={t('Actions')}
            toggleProps={{ isDisabled: selectedCount === 0 }}
          >
            <DropdownItem onClick={() => onBulkAction('archive')} data-testid="bulk-archive">
              {t('Archive')}
            </DropdownItem>
            <DropdownItem onClick={() => onBulkAction('delete')} isDanger data-testid="bulk-delete">
              {t('Delete')}
            </DropdownItem>
          </ActionsDropdown>
        </ToolbarItem>
        <ToolbarItem>
          <Button variant="secondary" onClick={onManageColumns} data-testid="manage-columns">
            {t('Manage columns')}
          </Button>
        </ToolbarItem>
        <ToolbarItem>
          <CreatePlanButton />
        </ToolbarItem>
        <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
          <Pagination
            itemCount={pagination.itemCount}
            page={pagination.page}
            perPage={pagination.perPage}
            perPageOptions={PLANS_PER_PAGE_OPTIONS.map((value) => ({
              title: String(value),
              value,
            }))}
            onSetPage={(_event, page) => pagination.onPage(page)}
            onPerPageSelect={(_event, perPage) => pagination.onPerPage(perPage)}
            isCompact
          />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};
