// The plan edits as plain functions of the stored Plan: what the edit routes write, testable
// without a server.
import {
  FORKLIFT_API_VERSION,
  HOOK_STEP_NAMES,
  PlanModel,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';

type PlanVm = NonNullable<Plan['spec']>['vms'][number];

/**
 * The plan with `patch` merged into its spec the JSON merge patch way (a field is replaced whole,
 * `null` removes it), kept at the resourceVersion it was read at.
 */
export const applySpecPatch = (plan: Plan, patch: Record<string, unknown>): Plan => {
  const spec: Record<string, unknown> = { ...plan.spec };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete spec[field];
    else spec[field] = value;
  }
  return { ...plan, spec: spec as Plan['spec'] };
};

/** Why a whole Plan cannot replace the one at `key`, or undefined. */
export const planBodyError = (
  body: Plan,
  key: { namespace: string; name: string },
): string | undefined => {
  const metadata = body.metadata ?? {};
  if (metadata.name !== key.name) {
    return `metadata.name must be "${key.name}": a Plan cannot be renamed`;
  }
  if (metadata.namespace !== undefined && metadata.namespace !== key.namespace) {
    return `metadata.namespace must be "${key.namespace}", the project in the path`;
  }
  if (body.apiVersion !== undefined && body.apiVersion !== FORKLIFT_API_VERSION) {
    return `apiVersion must be "${FORKLIFT_API_VERSION}"`;
  }
  if (body.kind !== undefined && body.kind !== PlanModel.kind) {
    return `kind must be "${PlanModel.kind}"`;
  }
  return undefined;
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Forklift runs `playbook` after decoding it from base64 (its InvalidPlaybook condition). */
export const playbookError = (playbook: string | undefined): string | undefined =>
  playbook !== undefined && !BASE64.test(playbook)
    ? 'hook.playbook must be base64-encoded'
    : undefined;

/**
 * The plan with every VM running `hook` at `step` (Forklift's console sets one hook on all VMs),
 * or running no hook there when `hook` is undefined.
 */
export const withStepHook = (
  plan: Plan,
  step: PlanHookStep,
  hook: { name: string; namespace: string } | undefined,
): Plan => {
  const stepName = HOOK_STEP_NAMES[step];
  const vms = (plan.spec?.vms ?? []).map((vm): PlanVm => {
    const { hooks: current, ...rest } = vm;
    const hooks = [
      ...(current ?? []).filter((entry) => entry.step !== stepName),
      ...(hook ? [{ step: stepName, hook: { ...hook } }] : []),
    ];
    return hooks.length > 0 ? { ...rest, hooks } : rest;
  });
  return { ...plan, spec: { ...plan.spec, vms } as Plan['spec'] };
};
