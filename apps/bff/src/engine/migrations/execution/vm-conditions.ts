// Conditions on a VM's status and on a snapshot (reference engine.md §1.5, §2.2): one per type,
// the transition time kept while nothing about the condition changes.
import type { ConditionInput } from '../../conditions.ts';
import type { StatusCondition } from './types.ts';

type WithConditions = { conditions?: StatusCondition[] };

export const hasCondition = (target: WithConditions, type: string): boolean =>
  (target.conditions ?? []).some(
    (condition) => condition.type === type && condition.status === 'True',
  );

export const setCondition = (target: WithConditions, input: ConditionInput, now: Date): void => {
  const next = { status: 'True', ...input };
  const prior = target.conditions?.find((condition) => condition.type === input.type);
  const same =
    prior &&
    prior.status === next.status &&
    prior.reason === next.reason &&
    prior.category === next.category &&
    prior.message === next.message;
  const condition = JSON.parse(
    JSON.stringify({
      ...next,
      lastTransitionTime: same ? prior.lastTransitionTime : now.toISOString(),
    }),
  ) as StatusCondition;
  target.conditions = [
    ...(target.conditions ?? []).filter((existing) => existing.type !== input.type),
    condition,
  ];
};

export const deleteCondition = (target: WithConditions, ...types: string[]): void => {
  if (!target.conditions) return;
  target.conditions = target.conditions.filter((condition) => !types.includes(condition.type));
};

export const SUCCEEDED = 'Succeeded';
export const FAILED = 'Failed';
export const CANCELED = 'Canceled';
export const EXECUTING = 'Executing';
export const PENDING = 'Pending';

/** The snapshot/plan conditions that tell how an execution went. */
export const EXECUTION_CONDITIONS = [EXECUTING, SUCCEEDED, FAILED, CANCELED];

export const isTerminal = (target: WithConditions): boolean =>
  [SUCCEEDED, FAILED, CANCELED].some((type) => hasCondition(target, type));
