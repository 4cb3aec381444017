import { useMemo, type FC } from 'react';
import { Card, CardBody } from '@patternfly/react-core';
import {
  Chart,
  ChartArea,
  ChartAxis,
  ChartStack,
  ChartVoronoiContainer,
} from '@patternfly/react-charts/victory';
import { MigrationModel, type Migration } from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { useTimeRange } from '../../hooks/useTimeRange.ts';
import {
  bucketUnitOf,
  migrationTimeline,
  TIMELINE_OUTCOMES,
  type TimelineOutcome,
} from '../../utils/migration-timeline.ts';
import { CardContent } from './CardContent.tsx';
import { OUTCOME_COLORS } from './chart-colors.ts';
import { RangeCardHeader } from './RangeCardHeader.tsx';

const formatHour = (time: Date) =>
  time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const formatDay = (time: Date) => time.toLocaleDateString([], { month: 'short', day: 'numeric' });

// Counts are whole runs: small counts get a tick per run, larger ones unlabelled fractions.
const formatCount = (tick: number) => (Number.isInteger(tick) ? String(tick) : '');
const countTicks = (highest: number) =>
  highest <= 5 ? Array.from({ length: highest + 1 }, (_, count) => count) : undefined;

export const MigrationHistoryCard: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: migrations, error, isPending } = useResources<Migration>(MigrationModel, 'all');
  const [range, setRange] = useTimeRange('migration-history', '10d');
  const buckets = useMemo(
    () => migrationTimeline(migrations ?? [], range, Date.now()),
    [migrations, range],
  );
  const hourly = bucketUnitOf(range) === 'hour';
  const labels: Record<TimelineOutcome, string> = {
    Succeeded: t('Succeeded'),
    Failed: t('Failed'),
    Running: t('Running'),
  };
  const highest = Math.max(
    0,
    ...buckets.map((bucket) =>
      TIMELINE_OUTCOMES.reduce((sum, outcome) => sum + bucket[outcome], 0),
    ),
  );
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>(600);

  return (
    <Card isFullHeight data-testid="migration-history-card">
      <RangeCardHeader
        title={t('Migration history')}
        range={range}
        onRangeChange={setRange}
        rangeAriaLabel={t('Migration history time range')}
        rangeTestId="migration-history-range"
      />
      <CardBody>
        <CardContent
          isPending={isPending}
          error={error}
          isEmpty={highest === 0}
          errorTitle={t('Could not load the migrations')}
          emptyTitle={t('No migrations yet')}
          emptyBody={
            migrations?.length
              ? t('No migration ran in this period.')
              : t('Migrations appear here once a migration plan is started.')
          }
          testId="migration-history"
        >
          <div ref={chartRef} data-testid="migration-history-chart">
            <Chart
              ariaTitle={t('Migration history')}
              ariaDesc={
                hourly
                  ? t('Succeeded, failed and running migrations by the hour they started')
                  : t('Succeeded, failed and running migrations by the day they started')
              }
              containerComponent={
                <ChartVoronoiContainer
                  labels={({ datum }) => `${datum.name}: ${datum.y}`}
                  constrainToVisibleArea
                />
              }
              legendData={TIMELINE_OUTCOMES.map((outcome) => ({
                name: labels[outcome],
                symbol: { fill: OUTCOME_COLORS[outcome] },
              }))}
              legendPosition="bottom"
              scale={{ x: 'time', y: 'linear' }}
              domain={{ y: [0, Math.max(highest, 1)] }}
              height={250}
              width={chartWidth}
              padding={{ top: 20, right: 30, bottom: 75, left: 50 }}
            >
              <ChartAxis
                tickFormat={(tick: Date) => (hourly ? formatHour(tick) : formatDay(tick))}
                fixLabelOverlap
              />
              <ChartAxis
                dependentAxis
                showGrid
                tickValues={countTicks(highest)}
                tickFormat={formatCount}
              />
              <ChartStack colorScale={TIMELINE_OUTCOMES.map((outcome) => OUTCOME_COLORS[outcome])}>
                {TIMELINE_OUTCOMES.map((outcome) => (
                  <ChartArea
                    key={outcome}
                    name={outcome}
                    data={buckets.map((bucket) => ({
                      x: new Date(bucket.start),
                      y: bucket[outcome],
                      name: labels[outcome],
                    }))}
                  />
                ))}
              </ChartStack>
            </Chart>
          </div>
        </CardContent>
      </CardBody>
    </Card>
  );
};
