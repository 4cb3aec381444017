import type { FC } from 'react';
import { Label } from '@patternfly/react-core';
import type { PlanMigrationStatus } from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { PLAN_STATUS_LOOKS, planStatusLabel } from '../utils/plan-status-labels.ts';

type Props = { status: PlanMigrationStatus; testId?: string };

/** A plan's migration status (planMigrationStatus) as the list and the details header show it. */
export const PlanStatusLabel: FC<Props> = ({ status, testId = 'plan-status' }) => {
  const { t } = useForkliftTranslation();
  const look = PLAN_STATUS_LOOKS[status];
  return (
    <Label color={look.color} status={look.status} isCompact data-testid={testId}>
      {planStatusLabel(status, t)}
    </Label>
  );
};
