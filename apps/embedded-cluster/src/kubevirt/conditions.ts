// KubeVirt conditions, keeping each one's lastTransitionTime while its status does not change.
import type { KubevirtCondition } from './types.ts';

export type NewCondition = Omit<KubevirtCondition, 'lastTransitionTime' | 'lastProbeTime'>;

export const withTransitions = (
  previous: KubevirtCondition[] | undefined,
  next: NewCondition[],
  now: string,
): KubevirtCondition[] =>
  next.map((condition) => {
    const old = previous?.find(({ type }) => type === condition.type);
    return {
      ...condition,
      lastProbeTime: null,
      lastTransitionTime:
        old && old.status === condition.status && old.lastTransitionTime
          ? old.lastTransitionTime
          : now,
    };
  });

export const conditionOf = (
  conditions: KubevirtCondition[] | undefined,
  type: string,
): KubevirtCondition | undefined => conditions?.find((condition) => condition.type === type);
