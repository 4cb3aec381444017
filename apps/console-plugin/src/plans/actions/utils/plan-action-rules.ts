// When each plan action is offered, and what a duplicate's name must be: plain functions so that
// the menu, the modals and the bulk toolbar decide alike.
import {
  dns1123SubdomainError,
  ownerPlanBlock,
  type Plan,
  type PlanMigrationStatus,
} from '@forklift-console/api';

/** Why an action is off; the menu words each reason. */
export type PlanActionBlock =
  'archived' | 'running' | 'completed' | 'cannot-start' | 'forbidden' | undefined;

/** Edit YAML: the plan's spec is frozen by the same rule as its maps (ownerPlanBlock). */
export const editBlock = (plan: Plan): PlanActionBlock => {
  const block = ownerPlanBlock(plan)?.reason;
  return block === 'executing' ? 'running' : block;
};

/** Forklift offers no Duplicate of a plan that cannot start: its copy could not either. */
export const duplicateBlock = (status: PlanMigrationStatus): PlanActionBlock =>
  status === 'CannotStart' ? 'cannot-start' : undefined;

export const archiveBlock = (status: PlanMigrationStatus): PlanActionBlock => {
  if (status === 'Archived') return 'archived';
  if (status === 'Executing' || status === 'Pending' || status === 'Paused') return 'running';
  return undefined;
};

export const deleteBlock = (status: PlanMigrationStatus): PlanActionBlock =>
  status === 'Executing' || status === 'Pending' || status === 'Paused' ? 'running' : undefined;

/** Forklift's default name for a copy. */
export const defaultDuplicateName = (name: string): string => `copy-of-${name}`.slice(0, 253);

export type DuplicateNameProblem =
  { kind: 'invalid'; detail: string } | { kind: 'taken'; namespace: string };

/**
 * Forklift wants plan names unique across all projects; `existing` is every plan the user can
 * see. The BFF refuses a name taken in the plan's own project whatever the page knew.
 */
export const duplicateNameProblem = (
  name: string,
  existing: readonly Plan[],
): DuplicateNameProblem | undefined => {
  const invalid = dns1123SubdomainError(name);
  if (invalid) return { kind: 'invalid', detail: invalid };
  const taken = existing.find((plan) => plan.metadata?.name === name);
  return taken ? { kind: 'taken', namespace: taken.metadata?.namespace ?? '' } : undefined;
};
