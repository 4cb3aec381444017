import { useMemo, type FC } from 'react';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  CardTitle,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { ChartDonut } from '@patternfly/react-charts/victory';
import { Link } from 'react-router';
import { PlanModel, type Plan } from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import { PLAN_STATES, planStateCounts, type PlanState } from '../../utils/plan-status.ts';
import { CardContent } from './CardContent.tsx';
import { DonutLegend } from './DonutLegend.tsx';
import { PLAN_STATE_COLORS } from './chart-colors.ts';

export const PlanStatusCard: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: plans, error, isPending } = useResources<Plan>(PlanModel, 'all');
  const counts = useMemo(() => planStateCounts(plans ?? []), [plans]);
  const labels: Record<PlanState, string> = {
    NotStarted: t('Not started'),
    CannotStart: t('Cannot start'),
    Running: t('Running'),
    Paused: t('Paused'),
    Incomplete: t('Incomplete'),
    Completed: t('Completed'),
    Archived: t('Archived'),
    Canceled: t('Canceled'),
    Unknown: t('Unknown'),
  };
  const entries = PLAN_STATES.map((state) => ({
    key: state,
    label: labels[state],
    count: counts[state],
    color: PLAN_STATE_COLORS[state],
  }));
  const total = plans?.length ?? 0;

  return (
    <Card isFullHeight data-testid="plan-status-card">
      <CardHeader>
        <CardTitle component="h2">{t('Migration plans')}</CardTitle>
      </CardHeader>
      <CardBody>
        <CardContent
          isPending={isPending}
          error={error}
          isEmpty={total === 0}
          errorTitle={t('Could not load the migration plans')}
          emptyTitle={t('No migration plans yet')}
          emptyBody={t('A migration plan says which virtual machines move and where to.')}
          testId="plan-status"
        >
          <Flex alignItems={{ default: 'alignItemsCenter' }}>
            <FlexItem data-testid="plan-status-donut" style={{ width: 200, height: 200 }}>
              <ChartDonut
                ariaTitle={t('Migration plans by status')}
                ariaDesc={entries.map(({ label, count }) => `${label}: ${count}`).join(', ')}
                constrainToVisibleArea
                data={entries.map(({ label, count }) => ({ x: label, y: count }))}
                colorScale={entries.map(({ color }) => color)}
                labels={({ datum }) => `${datum.x}: ${datum.y}`}
                title={String(total)}
                subTitle={t('Plans')}
                width={200}
                height={200}
                padding={10}
              />
            </FlexItem>
            <FlexItem>
              <DonutLegend
                items={entries}
                ariaLabel={t('Migration plans by status')}
                testId="plan-status-legend"
              />
            </FlexItem>
          </Flex>
        </CardContent>
      </CardBody>
      <CardFooter>
        <Link to={resourceListPath(PlanModel, undefined)} data-testid="show-all-plans">
          {t('Show all plans')}
        </Link>
      </CardFooter>
    </Card>
  );
};
