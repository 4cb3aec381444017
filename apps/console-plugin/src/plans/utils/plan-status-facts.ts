// What the plan's status shows, in the list's Migration status column and on the Details tab
// alike: read once from the Plan and its project's unfinished Migrations.
import {
  planBlockingReasons,
  planMigrationProgress,
  planMigrationStatus,
  planStartVerdict,
  vmNamesByState,
  type Migration,
  type Plan,
  type PlanMigrationStatus,
  type PlanStartVerdict,
  type VmStateCounts,
} from '@forklift-console/api';

export type PlanStatusFacts = {
  status: PlanMigrationStatus;
  /** Whether Start (or Restart) is offered inline. */
  startVerdict: PlanStartVerdict;
  /** Percent of the disks' MiB copied over all VMs. */
  percent: number;
  /** The VMs of the latest migration by state, for the icons. */
  vmStates: VmStateCounts;
  /** Why the plan cannot start (its blocking conditions), while its status is Cannot start. */
  cannotStartReasons: string[];
  /** A Migration of the plan exists that the engine has not taken up yet (no Executing). */
  isStarting: boolean;
};

const isExecuting = (plan: Plan): boolean =>
  (plan.status?.conditions ?? []).some(
    (condition) => condition.type === 'Executing' && condition.status === 'True',
  );

export const planStatusFacts = (plan: Plan, migrations: readonly Migration[]): PlanStatusFacts => {
  const status = planMigrationStatus(plan);
  const startVerdict = planStartVerdict(plan, migrations);
  return {
    status,
    startVerdict,
    percent: planMigrationProgress(plan.status).percent,
    vmStates: vmNamesByState(plan.status?.migration?.vms ?? []),
    cannotStartReasons: status === 'CannotStart' ? planBlockingReasons(plan) : [],
    // An executing plan that is Incomplete (a VM failed) is past starting: it shows its label.
    isStarting: !startVerdict.allowed && startVerdict.block === 'running' && !isExecuting(plan),
  };
};
