// The check every plan edit starts with: the stored plan may be edited now, and it is still the
// version the page read.
import type { KubeConfig } from '@kubernetes/client-node';
import { planEditBlock, PlanModel, type Plan } from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';

/** A reason the write may not happen: the routes answer it with 409. */
export class PlanEditRefusal extends Error {}

/** The stored plan, if it is editable (planEditBlock) and still at `resourceVersion`. */
export const editablePlan = async (
  kubeConfig: KubeConfig,
  key: ObjectKey,
  resourceVersion: string,
): Promise<Plan> => {
  const plan = await objectsOf<Plan>(kubeConfig, PlanModel).get(key);
  const block = planEditBlock(plan);
  if (block) throw new PlanEditRefusal(block);
  if (plan.metadata?.resourceVersion !== resourceVersion) {
    throw new PlanEditRefusal(
      `The plan ${key.name} has changed since it was read (resourceVersion ${resourceVersion}, ` +
        `now ${plan.metadata?.resourceVersion}): reload it and edit again`,
    );
  }
  return plan;
};
