// A map's status as the list and details pages show it, from the conditions its controller
// writes: Critical when a condition is Critical, Ready when Ready is True, Not Ready otherwise.
import type { NetworkMap } from '@forklift-console/api';

type MapCondition = NonNullable<NonNullable<NetworkMap['status']>['conditions']>[number];

export type MapStatus = {
  state: 'Ready' | 'NotReady' | 'Critical';
  /** The condition that keeps the map from being ready, for the status popover. */
  failing?: Pick<MapCondition, 'type' | 'message' | 'reason'>;
};

export const mapStatus = (map: {
  status?: { conditions?: readonly MapCondition[] };
}): MapStatus => {
  const conditions = map.status?.conditions ?? [];
  const critical = conditions.find(
    (condition) => condition.category === 'Critical' && condition.status === 'True',
  );
  if (critical) return { state: 'Critical', failing: critical };
  const ready = conditions.find((condition) => condition.type === 'Ready');
  if (ready?.status === 'True') return { state: 'Ready' };
  const blocker = conditions.find(
    (condition) => condition.status === 'True' && condition.type !== 'Ready',
  );
  return { state: 'NotReady', ...(blocker ? { failing: blocker } : {}) };
};
