import { useState, type FC } from 'react';
import { Button, Flex, FlexItem } from '@patternfly/react-core';
import type { Plan } from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { CancelMigrationModal } from './CancelMigrationModal.tsx';
import { PlanStartButton } from './PlanStartButton.tsx';
import type { usePlanStart } from './hooks/usePlanStart.ts';
import { cancelableVms } from './utils/cancelable-vms.ts';

type Props = {
  plan: Plan;
  start: ReturnType<typeof usePlanStart>;
  sourceType?: string;
  /** The source inventory's VMs: a plan may name its VMs without their ids. */
  inventoryVms: readonly { id: string; name: string }[];
};

/** The details header's Start or Restart, and Cancel while a Migration of the plan is active. */
export const PlanMigrationActions: FC<Props> = ({ plan, start, sourceType, inventoryVms }) => {
  const { t } = useForkliftTranslation();
  const [isCanceling, setCanceling] = useState(false);
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const vms = cancelableVms(plan, inventoryVms);
  return (
    <Flex flexWrap={{ default: 'nowrap' }}>
      <FlexItem>
        <PlanStartButton
          plan={plan}
          verdict={start.verdict}
          sourceType={sourceType}
          variant="header"
        />
      </FlexItem>
      {start.active && vms.length > 0 && (
        <FlexItem>
          <Button
            variant="secondary"
            isDanger
            onClick={() => setCanceling(true)}
            data-testid="plan-cancel-migration"
          >
            {t('Cancel migration')}
          </Button>
        </FlexItem>
      )}
      {isCanceling && (
        <CancelMigrationModal
          plan={{ namespace, name }}
          vms={vms}
          onClose={() => setCanceling(false)}
        />
      )}
    </Flex>
  );
};
