import type { FC } from 'react';
import { Label } from '@patternfly/react-core';
import { planMigrationStatus, type Plan, type PlanMigrationStatus } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

// Stands in for plans/components/PlanStatusLabel.tsx, which the plans list brings, until the merge.
export const PlanStatusText: FC<{ plan: Plan; testId?: string }> = ({ plan, testId }) => {
  const { t } = useForkliftTranslation();
  const status = planMigrationStatus(plan);
  const labels: Record<PlanMigrationStatus, string> = {
    Archived: t('Archived'),
    Unknown: t('Unknown'),
    Completed: t('Complete'),
    Canceled: t('Canceled'),
    Paused: t('Paused'),
    CannotStart: t('Cannot start'),
    Incomplete: t('Incomplete'),
    Pending: t('Pending'),
    Executing: t('Migration running'),
    Ready: t('Ready for migration'),
    Validating: t('Validating'),
  };
  const color =
    status === 'CannotStart' || status === 'Incomplete'
      ? 'red'
      : status === 'Ready' || status === 'Completed'
        ? 'green'
        : 'grey';
  return (
    <Label color={color} data-testid={testId} data-status={status}>
      {labels[status]}
    </Label>
  );
};
