import { useMemo, type FC } from 'react';
import { Card, CardBody, Flex, FlexItem } from '@patternfly/react-core';
import { ChartDonut } from '@patternfly/react-charts/victory';
import { useNavigate } from 'react-router';
import { MigrationModel, type Migration } from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useTimeRange } from '../../hooks/useTimeRange.ts';
import { MIGRATION_OUTCOMES, type MigrationOutcome } from '../../utils/migration-history.ts';
import { overviewTabPath } from '../../utils/overview-tabs.ts';
import { vmMigrationCounts } from '../../utils/vm-migration-counts.ts';
import { CardContent } from './CardContent.tsx';
import { ClickableSlice } from './ClickableSlice.tsx';
import { DonutLegend } from './DonutLegend.tsx';
import { OUTCOME_COLORS } from './chart-colors.ts';
import { RangeCardHeader } from './RangeCardHeader.tsx';

/** The History tab showing the runs that ended this way. */
const historyPath = (outcome: string) =>
  `${overviewTabPath('history')}?status=${encodeURIComponent(outcome)}`;

export const VmMigrationsCard: FC = () => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const { data: migrations, error, isPending } = useResources<Migration>(MigrationModel, 'all');
  const [range, setRange] = useTimeRange('vm-migrations', 'all');
  const counts = useMemo(
    () => vmMigrationCounts(migrations ?? [], range, Date.now()),
    [migrations, range],
  );
  const labels: Record<MigrationOutcome, string> = {
    Running: t('Running'),
    Succeeded: t('Succeeded'),
    Failed: t('Failed'),
    Canceled: t('Canceled'),
  };
  const entries = MIGRATION_OUTCOMES.map((outcome) => ({
    key: outcome,
    label: labels[outcome],
    count: counts.byOutcome[outcome],
    color: OUTCOME_COLORS[outcome],
    to: historyPath(outcome),
  }));

  return (
    <Card isFullHeight data-testid="vm-migrations-card">
      <RangeCardHeader
        title={t('Virtual machines')}
        range={range}
        onRangeChange={setRange}
        rangeAriaLabel={t('Virtual machines time range')}
        rangeTestId="vm-migrations-range"
      />
      <CardBody>
        <CardContent
          isPending={isPending}
          error={error}
          isEmpty={counts.total === 0}
          errorTitle={t('Could not load the migrations')}
          emptyTitle={t('No migrations yet')}
          emptyBody={
            migrations?.length
              ? t('No virtual machine migrated in this period.')
              : t('Virtual machine migrations appear here once a migration plan is started.')
          }
          testId="vm-migrations"
        >
          <Flex alignItems={{ default: 'alignItemsCenter' }}>
            <FlexItem data-testid="vm-migrations-donut" style={{ width: 200, height: 200 }}>
              <ChartDonut
                ariaTitle={t('Virtual machine migrations')}
                ariaDesc={entries.map(({ label, count }) => `${label}: ${count}`).join(', ')}
                constrainToVisibleArea
                data={entries.map(({ key, label, count }) => ({ x: label, y: count, key }))}
                colorScale={entries.map(({ color }) => color)}
                labels={({ datum }) => `${datum.x}: ${datum.y}`}
                title={String(counts.total)}
                subTitle={t('VM migrations')}
                width={200}
                height={200}
                padding={10}
                dataComponent={
                  <ClickableSlice
                    testId="vm-migrations-slice"
                    onSelect={(outcome) => navigate(historyPath(outcome))}
                  />
                }
              />
            </FlexItem>
            <FlexItem>
              <DonutLegend
                items={entries}
                ariaLabel={t('Virtual machine migrations by status')}
                testId="vm-migrations-legend"
              />
            </FlexItem>
          </Flex>
        </CardContent>
      </CardBody>
    </Card>
  );
};
