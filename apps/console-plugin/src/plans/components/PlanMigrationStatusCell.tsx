import type { FC } from 'react';
import { Flex, FlexItem, Label, Spinner } from '@patternfly/react-core';
import type {
  Plan,
  PlanMigrationStatus,
  PlanStartVerdict,
  VmStateCounts,
} from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { PlanStartButton } from '../actions/PlanStartButton.tsx';
import { PlanStatusLabel } from './PlanStatusLabel.tsx';
import { VmStateIcons } from './VmStateIcons.tsx';

type Props = {
  plan: Plan;
  status: PlanMigrationStatus;
  startVerdict: PlanStartVerdict;
  percent: number;
  vmStates: VmStateCounts;
  sourceType?: string;
};

/**
 * The Migration status cell (reference ui.md §2.4): Start for a plan ready to run, the percent of
 * a running one, its label otherwise; and the VMs per state.
 */
export const PlanMigrationStatusCell: FC<Props> = ({
  plan,
  status,
  startVerdict,
  percent,
  vmStates,
  sourceType,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const isRunning = status === 'Executing' || status === 'Pending';
  // A Migration exists that the engine has not taken up yet.
  const isStarting = !isRunning && !startVerdict.allowed && startVerdict.block === 'running';
  const main = () => {
    if (startVerdict.allowed && startVerdict.action === 'start') {
      return (
        <PlanStartButton
          plan={plan}
          verdict={startVerdict}
          sourceType={sourceType}
          variant="inline"
        />
      );
    }
    if (isRunning) {
      return (
        <span data-testid="plan-progress">
          <Spinner size="sm" aria-label={t('Migration running')} /> {t('{{percent}}%', { percent })}
        </span>
      );
    }
    if (isStarting) {
      return (
        <Label isCompact color="blue" data-testid="plan-starting">
          {t('Starting')}
        </Label>
      );
    }
    return <PlanStatusLabel status={status} />;
  };
  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsXs' }}>
      <FlexItem>{main()}</FlexItem>
      <FlexItem>
        <VmStateIcons namespace={namespace} name={name} vmStates={vmStates} />
      </FlexItem>
    </Flex>
  );
};
