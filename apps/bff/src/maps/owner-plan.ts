// The one rule that keeps a map still while its Plan uses it (packages/api ownerPlanBlock), applied
// with the caller's own credentials: the Plan is read as the caller can read it.
import type { KubeConfig } from '@kubernetes/client-node';
import {
  ownerPlanBlock,
  ownerPlanName,
  PlanModel,
  type ObjectMeta,
  type Plan,
} from '@forklift-console/api';
import { objectsOf } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';

/**
 * Why a map with this metadata may not be written, or undefined. An owning Plan that is gone
 * blocks nothing; one the caller may not read is left to RBAC on the map itself, since the caller
 * could write the map through the API server directly anyway.
 */
export const ownerPlanRefusal = async (
  kubeConfig: KubeConfig,
  namespace: string,
  metadata: ObjectMeta | undefined,
): Promise<string | undefined> => {
  const planName = ownerPlanName(metadata);
  if (!planName) return undefined;
  let plan: Plan;
  try {
    plan = await objectsOf<Plan>(kubeConfig, PlanModel).get({ namespace, name: planName });
  } catch (error) {
    const status = toKubeFailure(error)?.statusCode;
    if (status === 404 || status === 403) return undefined;
    throw error;
  }
  const block = ownerPlanBlock(plan);
  return block && `${block.message}: the map belongs to the plan ${planName}`;
};
