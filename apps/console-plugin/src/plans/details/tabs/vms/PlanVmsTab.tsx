import type { FC } from 'react';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { MigrationVmsTable } from './migration/MigrationVmsTable.tsx';
import { PlanSpecVmsTab } from './PlanSpecVmsTab.tsx';

/**
 * Once a migration has run (the engine wrote VM statuses), each VM's migration; before that, the
 * plan's VMs as its spec lists them.
 */
export const PlanVmsTab: FC<PlanTabProps> = (props) =>
  (props.plan.status?.migration?.vms ?? []).length > 0 ? (
    <MigrationVmsTable plan={props.plan} />
  ) : (
    <PlanSpecVmsTab {...props} />
  );
