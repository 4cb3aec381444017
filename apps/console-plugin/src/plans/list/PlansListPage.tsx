import { useState, type FC } from 'react';
import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  PageSection,
} from '@patternfly/react-core';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { LoadingSpinner } from '../../components/LoadingSpinner.tsx';
import { NotBuiltYetNotice } from '../../components/NotBuiltYetNotice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { BulkPlanActionModal } from '../actions/BulkPlanActionModal.tsx';
import type { BulkPlanAction } from '../actions/hooks/usePlanActionMutations.ts';
import { ManageColumnsModal } from './components/ManageColumnsModal.tsx';
import { PlansEmptyState } from './components/PlansEmptyState.tsx';
import { PlansTable } from './components/PlansTable.tsx';
import { PlansToolbar } from './components/PlansToolbar.tsx';
import { usePlanColumns } from './hooks/usePlanColumns.ts';
import { usePlanListState } from './hooks/usePlanListState.ts';
import { usePlanRows } from './hooks/usePlanRows.ts';
import type { PlanRow } from './utils/plan-rows.ts';

export const PlansListPage: FC = () => {
  const { t } = useForkliftTranslation();
  const { rows, isPending, error } = usePlanRows();
  const list = usePlanListState(rows);
  const columns = usePlanColumns();
  // The plans the user confirmed on, kept as they were when the modal opened: a plan that starts
  // running meanwhile is refused by the server, and the modal says so, rather than vanishing.
  const [bulk, setBulk] = useState<{ action: BulkPlanAction; rows: readonly PlanRow[] }>();
  const [isManagingColumns, setIsManagingColumns] = useState(false);
  const selectedKeys = new Set(list.selected.map((row) => row.key));

  const content = () => {
    if (isPending) return <LoadingSpinner />;
    if (error) {
      return (
        <LoadErrorAlert title={t('Could not load the plans')} error={error} testId="list-error" />
      );
    }
    if (rows.length === 0) return <PlansEmptyState />;
    return (
      <>
        <PlansToolbar
          filters={list.filters}
          onFilterChange={list.setFilter}
          selectedCount={list.selected.length}
          onBulkAction={(action) => setBulk({ action, rows: list.selected })}
          onManageColumns={() => setIsManagingColumns(true)}
          pagination={{
            itemCount: list.matching.length,
            page: list.page,
            perPage: list.perPage,
            onPage: list.setPage,
            onPerPage: list.setPerPage,
          }}
        />
        {list.matching.length === 0 ? (
          <EmptyState
            titleText={t('No plans match the filters')}
            headingLevel="h2"
            data-testid="no-match-state"
          >
            <EmptyStateBody>{t('Change or clear the filters to see more plans.')}</EmptyStateBody>
            <EmptyStateFooter>
              <EmptyStateActions>
                <Button variant="link" onClick={list.clearFilters} data-testid="clear-filters">
                  {t('Clear all filters')}
                </Button>
              </EmptyStateActions>
            </EmptyStateFooter>
          </EmptyState>
        ) : (
          <PlansTable
            rows={list.visible}
            columns={columns.visible}
            selectedKeys={selectedKeys}
            sort={list.sort}
            onSort={list.setSort}
            onSelect={list.setRowSelected}
            onSelectPage={(isSelected) =>
              list.selectRows(
                isSelected
                  ? list.visible.filter((row) => !row.isRunning).map((row) => row.key)
                  : [],
              )
            }
          />
        )}
      </>
    );
  };

  return (
    <>
      <PageTitle title={t('Migration plans')} actions={<TipsButton />} />
      <PageSection>
        <NotBuiltYetNotice
          missing={t(
            'Warm migrations cannot be cut over yet: Schedule cutover comes with warm migration.',
          )}
        />
        {content()}
      </PageSection>
      {bulk && (
        <BulkPlanActionModal
          action={bulk.action}
          rows={bulk.rows}
          onClose={() => setBulk(undefined)}
          onDone={() => {
            setBulk(undefined);
            list.selectRows([]);
          }}
        />
      )}
      {isManagingColumns && (
        <ManageColumnsModal
          hidden={columns.hidden}
          onSave={columns.saveHidden}
          onClose={() => setIsManagingColumns(false)}
        />
      )}
    </>
  );
};
