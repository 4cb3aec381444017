// The shapes of a plan's execution status (reference engine.md §1.4, §1.5), named once from the
// generated Plan type so that every phase speaks of the same VMStatus, Step and Task.
import type { Plan } from '@forklift-console/api';

export type MigrationStatusOfPlan = NonNullable<NonNullable<Plan['status']>['migration']>;
export type VmStatus = NonNullable<MigrationStatusOfPlan['vms']>[number];
export type Step = VmStatus['pipeline'][number];
export type Task = NonNullable<Step['tasks']>[number];
export type Snapshot = NonNullable<MigrationStatusOfPlan['history']>[number];
export type SnapshotRef = Snapshot['plan'];
export type StatusCondition = NonNullable<VmStatus['conditions']>[number];
export type PlanVm = NonNullable<Plan['spec']>['vms'][number];
export type ErrorState = NonNullable<VmStatus['error']>;
