import type { FC } from 'react';
import { Alert, Stack, StackItem } from '@patternfly/react-core';
import { planHooksUniform } from '@forklift-console/api';
import { NotBuiltYetNotice } from '../../../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePlanEditGate } from '../../hooks/usePlanEditGate.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { PlanHookSection } from './PlanHookSection.tsx';

/** The plan's pre- and post-migration hooks (local playbooks), each set on every VM. */
export const PlanHooksTab: FC<PlanTabProps> = ({ plan }) => {
  const { t } = useForkliftTranslation();
  const editDisabledReason = usePlanEditGate(plan);
  return (
    <Stack hasGutter>
      <StackItem>
        <NotBuiltYetNotice
          missing={t(
            'Ansible Automation Platform hooks are shown but can be edited only in the YAML tab.',
          )}
        />
        {!planHooksUniform(plan) && (
          <Alert
            variant="warning"
            isInline
            title={t('The plan hooks were manually configured')}
            data-testid="plan-hooks-manual"
          >
            {t('The VMs of this plan run different hooks; saving a hook here sets it on every VM.')}
          </Alert>
        )}
      </StackItem>
      <StackItem>
        <PlanHookSection plan={plan} step="pre" editDisabledReason={editDisabledReason} />
      </StackItem>
      <StackItem>
        <PlanHookSection plan={plan} step="post" editDisabledReason={editDisabledReason} />
      </StackItem>
    </Stack>
  );
};
