// Archive and Delete of many plans at once, each judged on its own: one plan that is running, gone
// or forbidden to the caller fails alone, with its reason, and the others still go ahead.
import type { KubeConfig } from '@kubernetes/client-node';
import { isPlanRunning, planMigrationStatus, PlanModel, type Plan } from '@forklift-console/api';
import { objectsOf } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';

export type PlanKey = { namespace: string; name: string };

export type PlanActionResult = PlanKey & ({ ok: true } | { ok: false; error: string });

export type BulkPlanAction = 'archive' | 'delete';

// Enough to keep a 500-plan request short without flooding the API server with writes at once.
const CONCURRENCY = 8;

const RUNNING_REFUSAL: Record<BulkPlanAction, string> = {
  archive: 'The plan is running a migration; it cannot be archived until the migration ends',
  delete: 'The plan is running a migration; it cannot be deleted until the migration ends',
};

/** The API server's own words for a refusal (403, 404, 409…); anything else is not ours to word. */
const failureReason = (error: unknown): string => {
  const failure = toKubeFailure(error);
  if (failure) return failure.message;
  throw error;
};

const actOnPlan = async (
  kubeConfig: KubeConfig,
  action: BulkPlanAction,
  key: PlanKey,
): Promise<PlanActionResult> => {
  const plans = objectsOf<Plan>(kubeConfig, PlanModel);
  try {
    const plan = await plans.get(key);
    if (isPlanRunning(planMigrationStatus(plan))) {
      return { ...key, ok: false, error: RUNNING_REFUSAL[action] };
    }
    if (action === 'archive') {
      // Already archived is what the user asked for: nothing to write, nothing failed.
      if (plan.spec?.archived !== true) await plans.mergePatch(key, { spec: { archived: true } });
    } else {
      // The API server's garbage collector removes what the plan owns: its maps, hooks, secrets.
      await plans.delete(key);
    }
    return { ...key, ok: true };
  } catch (error) {
    return { ...key, ok: false, error: failureReason(error) };
  }
};

/** Runs `action` on every plan, a few at a time; the results keep the request's order. */
export const actOnPlans = async (
  kubeConfig: KubeConfig,
  action: BulkPlanAction,
  keys: readonly PlanKey[],
): Promise<PlanActionResult[]> => {
  const results: PlanActionResult[] = new Array<PlanActionResult>(keys.length);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const index = next++;
      results[index] = await actOnPlan(kubeConfig, action, keys[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, keys.length) }, worker));
  return results;
};
