import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  PageSection,
} from '@patternfly/react-core';
import { useSearchParams } from 'react-router';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { LoadingSpinner } from '../../components/LoadingSpinner.tsx';
import { NotBuiltYetNotice } from '../../components/NotBuiltYetNotice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { ProvidersEmptyState } from './components/ProvidersEmptyState.tsx';
import { ProvidersTable } from './components/ProvidersTable.tsx';
import { ProvidersToolbar } from './components/ProvidersToolbar.tsx';
import { useProviderRows } from './hooks/useProviderRows.ts';
import {
  filterProviderRows,
  filtersFromSearchParams,
  sortProviderRows,
  withFilter,
  withoutFilters,
  type SortDirection,
} from './utils/provider-filters.ts';

export const ProvidersListPage: FC = () => {
  const { t } = useForkliftTranslation();
  const { rows, isPending, error, inventoryError } = useProviderRows();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const [sortDirection, setSortDirection] = useState<SortDirection>('asc');
  const shown = useMemo(
    () => sortProviderRows(filterProviderRows(rows, filters), sortDirection),
    [rows, filters, sortDirection],
  );

  const content = () => {
    if (isPending) {
      return <LoadingSpinner />;
    }
    if (error) {
      return (
        <LoadErrorAlert
          title={t('Could not load the providers')}
          error={error}
          testId="list-error"
        />
      );
    }
    if (rows.length === 0) return <ProvidersEmptyState />;
    return (
      <>
        <ProvidersToolbar
          filters={filters}
          onFilterChange={(filter, value) =>
            setSearchParams((params) => withFilter(params, filter, value), { replace: true })
          }
        />
        {inventoryError && (
          <Alert
            variant="warning"
            isInline
            isPlain
            title={t('The inventory is not reachable; counts are not shown.')}
            data-testid="inventory-error"
          >
            {inventoryError.message}
          </Alert>
        )}
        {shown.length === 0 ? (
          <EmptyState
            titleText={t('No providers match the filters')}
            headingLevel="h2"
            data-testid="no-match-state"
          >
            <EmptyStateBody>
              {t('Change or clear the filters to see more providers.')}
            </EmptyStateBody>
            <EmptyStateFooter>
              <EmptyStateActions>
                <Button
                  variant="link"
                  onClick={() => setSearchParams(withoutFilters, { replace: true })}
                  data-testid="clear-filters"
                >
                  {t('Clear all filters')}
                </Button>
              </EmptyStateActions>
            </EmptyStateFooter>
          </EmptyState>
        ) : (
          <ProvidersTable rows={shown} sortDirection={sortDirection} onSort={setSortDirection} />
        )}
      </>
    );
  };

  return (
    <>
      <PageTitle title={t('Providers')} actions={<TipsButton />} />
      <PageSection>
        <NotBuiltYetNotice
          missing={t(
            'Red Hat Virtualization, OpenStack, Microsoft Hyper-V, Amazon EC2 and Nutanix providers cannot be created here yet; the list shows them when they exist.',
          )}
        />
        {content()}
      </PageSection>
    </>
  );
};
