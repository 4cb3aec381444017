import { useMemo, useState, type FC } from 'react';
import {
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Spinner,
  Switch,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link, useSearchParams } from 'react-router';
import { MigrationModel, PlanModel, type Migration } from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import {
  historyRows,
  MIGRATION_OUTCOMES,
  type MigrationOutcome,
} from '../../utils/migration-history.ts';
import type { TimeRange } from '../../utils/time-range.ts';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';

const ALL = 'all';

/** The `status` query parameter, e.g. from the Overview's donut; anything else means all. */
const STATUS_PARAM = 'status';

const outcomeOf = (value: string | null): MigrationOutcome | undefined =>
  MIGRATION_OUTCOMES.find((outcome) => outcome === value);

const formatTime = (timestamp: string | undefined) =>
  timestamp ? new Date(timestamp).toLocaleString() : '-';

export const HistoryTab: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: migrations, error, isPending } = useResources<Migration>(MigrationModel, 'all');
  // The URL holds the status filter, so that a link can open the tab filtered and a reload keeps
  // the filter.
  const [searchParams, setSearchParams] = useSearchParams();
  const outcome = outcomeOf(searchParams.get(STATUS_PARAM));
  const setOutcome = (next: MigrationOutcome | undefined) =>
    setSearchParams(
      (params) => {
        if (next) params.set(STATUS_PARAM, next);
        else params.delete(STATUS_PARAM);
        return params;
      },
      { replace: true },
    );
  const [range, setRange] = useState<TimeRange>('all');
  const [groupByPlan, setGroupByPlan] = useState(false);
  const rows = useMemo(
    () => historyRows(migrations ?? [], { outcome, range, groupByPlan, now: Date.now() }),
    [migrations, outcome, range, groupByPlan],
  );
  const ranges: { value: TimeRange; label: string }[] = [
    { value: '24h', label: t('Last 24 hours') },
    { value: '10d', label: t('Last 10 days') },
    { value: '31d', label: t('Last 31 days') },
    { value: 'all', label: t('All') },
  ];
  const outcomeLabels: Record<MigrationOutcome, string> = {
    Running: t('Running'),
    Succeeded: t('Succeeded'),
    Failed: t('Failed'),
    Canceled: t('Canceled'),
  };

  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return <LoadErrorAlert title={t('Could not load the migrations')} error={error} />;
  }

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect
              value={outcome ?? ALL}
              onChange={(_event, value) =>
                setOutcome(value === ALL ? undefined : (value as MigrationOutcome))
              }
              aria-label={t('Status')}
              data-testid="history-status-filter"
            >
              <FormSelectOption value={ALL} label={t('All statuses')} />
              {MIGRATION_OUTCOMES.map((value) => (
                <FormSelectOption key={value} value={value} label={outcomeLabels[value]} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect
              value={range}
              onChange={(_event, value) => setRange(value as TimeRange)}
              aria-label={t('Time range')}
            >
              {ranges.map(({ value, label }) => (
                <FormSelectOption key={value} value={value} label={label} />
              ))}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem alignSelf="center">
            <Switch
              id="history-group-by-plan"
              label={t('Group by plan')}
              isChecked={groupByPlan}
              onChange={(_event, checked) => setGroupByPlan(checked)}
              data-testid="history-group-by-plan"
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {rows.length === 0 ? (
        <EmptyState titleText={t('No migrations')} headingLevel="h2" data-testid="empty-state">
          <EmptyStateBody>
            {migrations.length === 0
              ? t('No migration has run yet. Migrations appear here once a plan is started.')
              : t('No migration matches the filters.')}
          </EmptyStateBody>
        </EmptyState>
      ) : (
        <Table aria-label={t('Migration history')} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('Migration')}</Th>
              <Th>{t('Status')}</Th>
              <Th>{t('Plan')}</Th>
              <Th>{t('Started')}</Th>
              <Th>{t('Completed')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.uid} data-testid={`history-row-${row.name}`}>
                <Td dataLabel={t('Migration')}>{row.name}</Td>
                <Td dataLabel={t('Status')}>{outcomeLabels[row.outcome]}</Td>
                <Td dataLabel={t('Plan')}>
                  <Link to={resourceListPath(PlanModel, row.plan.namespace)}>{row.plan.name}</Link>
                </Td>
                <Td dataLabel={t('Started')}>{formatTime(row.started)}</Td>
                <Td dataLabel={t('Completed')}>{formatTime(row.completed)}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
};
