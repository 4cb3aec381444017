// A plan's pre/post hook as the details page edits it: one Hook owned by the plan, named on every
// VM at its step. Written Hook first, then the Plan at the version the page read; when the Plan
// write fails the Hook goes back to what it was (or away), so nothing half-made stays.
import type { KubeConfig } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  HookModel,
  planHookRefs,
  PlanModel,
  type Hook,
  type HookSpec,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';
import { toKubeFailure } from '../kube/errors.ts';
import { objectsOf } from '../kube/objects.ts';
import { withStepHook } from './plan-edits.ts';

type OnCleanupFailure = (what: string, error: unknown) => void;

const isOwnedBy = (hook: Hook, plan: Plan) =>
  (hook.metadata?.ownerReferences ?? []).some((owner) => owner.uid === plan.metadata?.uid);

const keyOf = (plan: Plan) => ({
  namespace: plan.metadata?.namespace ?? '',
  name: plan.metadata?.name ?? '',
});

/** The Hook the plan owns at `step`, to edit in place; a hook it shares with others is left alone. */
const ownHookAt = async (kubeConfig: KubeConfig, plan: Plan, step: PlanHookStep) => {
  const { namespace } = keyOf(plan);
  const [current] = planHookRefs(plan, step);
  if (!current || (current.namespace ?? namespace) !== namespace) return undefined;
  try {
    const hook = await objectsOf<Hook>(kubeConfig, HookModel).get({
      namespace,
      name: current.name,
    });
    return isOwnedBy(hook, plan) ? hook : undefined;
  } catch (error) {
    if (toKubeFailure(error)?.statusCode === 404) return undefined;
    throw error;
  }
};

const newOwnedHook = (plan: Plan, step: PlanHookStep, spec: HookSpec): Hook => {
  const { namespace, name } = keyOf(plan);
  return {
    apiVersion: FORKLIFT_API_VERSION,
    kind: HookModel.kind,
    metadata: {
      generateName: `${name}-${step}-hook-`,
      namespace,
      ownerReferences: [
        {
          apiVersion: FORKLIFT_API_VERSION,
          kind: PlanModel.kind,
          name,
          uid: plan.metadata?.uid ?? '',
        },
      ],
    },
    spec,
  };
};

export const setPlanHook = async (
  kubeConfig: KubeConfig,
  plan: Plan,
  step: PlanHookStep,
  spec: HookSpec,
  onCleanupFailure: OnCleanupFailure,
): Promise<{ plan: Plan; hook: Hook }> => {
  const { namespace } = keyOf(plan);
  const hooks = objectsOf<Hook>(kubeConfig, HookModel);
  const reused = await ownHookAt(kubeConfig, plan, step);
  const hook = reused
    ? await hooks.replace({ namespace, name: reused.metadata?.name ?? '' }, { ...reused, spec })
    : await hooks.create(namespace, newOwnedHook(plan, step, spec));
  const hookKey = { namespace, name: hook.metadata?.name ?? '' };
  try {
    const stored = await objectsOf<Plan>(kubeConfig, PlanModel).replace(
      keyOf(plan),
      withStepHook(plan, step, hookKey),
    );
    return { plan: stored, hook };
  } catch (error) {
    const undo = reused
      ? hooks.replace(hookKey, {
          ...reused,
          metadata: { ...reused.metadata, resourceVersion: hook.metadata?.resourceVersion },
        })
      : hooks.delete(hookKey);
    await undo.catch((undoError: unknown) => onCleanupFailure(`Hook ${hookKey.name}`, undoError));
    throw error;
  }
};

/** The plan with no hook at `step`; the Hooks it owned there and names nowhere else are deleted. */
export const removePlanHook = async (
  kubeConfig: KubeConfig,
  plan: Plan,
  step: PlanHookStep,
  onCleanupFailure: OnCleanupFailure,
): Promise<Plan> => {
  const { namespace } = keyOf(plan);
  const removed = planHookRefs(plan, step);
  const stored = await objectsOf<Plan>(kubeConfig, PlanModel).replace(
    keyOf(plan),
    withStepHook(plan, step, undefined),
  );
  const stillNamed = new Set(
    planHookRefs(stored, step === 'pre' ? 'post' : 'pre').map((r) => r.name),
  );
  const hooks = objectsOf<Hook>(kubeConfig, HookModel);
  for (const ref of removed) {
    const hookKey = { namespace: ref.namespace ?? namespace, name: ref.name };
    if (stillNamed.has(ref.name)) continue;
    try {
      if (isOwnedBy(await hooks.get(hookKey), plan)) await hooks.delete(hookKey);
    } catch (error) {
      if (toKubeFailure(error)?.statusCode !== 404) onCleanupFailure(`Hook ${ref.name}`, error);
    }
  }
  return stored;
};
