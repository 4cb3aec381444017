import type { FC } from 'react';
import { Content, Flex, FlexItem, Label, Spinner } from '@patternfly/react-core';
import type { Plan } from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { PlanStartButton } from '../actions/PlanStartButton.tsx';
import type { PlanStatusFacts } from '../utils/plan-status-facts.ts';
import { PlanStatusLabel } from './PlanStatusLabel.tsx';
import { VmStateIcons } from './VmStateIcons.tsx';

type Props = {
  plan: Plan;
  facts: PlanStatusFacts;
  sourceType?: string;
  /** The details page has Start in its header already, so its Status item shows the label. */
  offerStart?: boolean;
  /** The details header has its own `plan-status`; a second one would make tests ambiguous. */
  statusTestId?: string;
};

/**
 * The Migration status cell (reference ui.md §2.4): Start for a plan ready to run, the percent of
 * a running one, its label otherwise with why it cannot start; and the VMs per state.
 */
export const PlanMigrationStatusCell: FC<Props> = ({
  plan,
  facts,
  sourceType,
  offerStart = true,
  statusTestId,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const { status, startVerdict, percent, vmStates, cannotStartReasons, isStarting } = facts;
  const isRunning = status === 'Executing' || status === 'Pending';
  const main = () => {
    if (offerStart && startVerdict.allowed && startVerdict.action === 'start') {
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
    return <PlanStatusLabel status={status} testId={statusTestId} />;
  };
  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsXs' }}>
      <FlexItem>{main()}</FlexItem>
      {cannotStartReasons.length > 0 && (
        <FlexItem data-testid="plan-cannot-start-reason">
          <Content component="small">{cannotStartReasons.join(' ')}</Content>
        </FlexItem>
      )}
      <FlexItem>
        <VmStateIcons namespace={namespace} name={name} vmStates={vmStates} />
      </FlexItem>
    </Flex>
  );
};
