// When a Plan's own settings may change, and where its hooks sit, worded once for the details
// page (disabled edit buttons with the reason) and the BFF's edit routes (409).
import type { Plan } from './generated/crd-types.ts';
import { ownerPlanBlock } from './map-rules.ts';

const PLAN_EDIT_BLOCK_MESSAGES = {
  archived: 'The plan is archived: archived plans cannot be edited',
  executing: 'The plan is migrating: plans cannot be modified during migration',
  completed: 'The plan has completed: all its VMs were migrated',
} as const;

/**
 * Why the plan's spec may not be edited now, or undefined. The same rule as its maps
 * (ownerPlanBlock): the migration history must keep saying what was migrated.
 */
export const planEditBlock = (plan: Pick<Plan, 'spec' | 'status'>): string | undefined => {
  const block = ownerPlanBlock(plan);
  return block && PLAN_EDIT_BLOCK_MESSAGES[block.reason];
};

/** A hook's place in a plan: the pages say pre/post, `spec.vms[].hooks[].step` says it so. */
export type PlanHookStep = 'pre' | 'post';

export const HOOK_STEP_NAMES: Record<PlanHookStep, 'PreHook' | 'PostHook'> = {
  pre: 'PreHook',
  post: 'PostHook',
};

type HookRef = { name: string; namespace?: string };

/**
 * The hooks the plan's VMs run at `step`, each once. Forklift's console sets the same hook on
 * every VM; a plan written by hand may differ per VM, which the Hooks tab warns about.
 */
export const planHookRefs = (plan: Pick<Plan, 'spec'>, step: PlanHookStep): HookRef[] => {
  const refs = new Map<string, HookRef>();
  for (const vm of plan.spec?.vms ?? []) {
    for (const entry of vm.hooks ?? []) {
      if (entry.step !== HOOK_STEP_NAMES[step] || !entry.hook.name) continue;
      const key = `${entry.hook.namespace ?? ''}/${entry.hook.name}`;
      if (!refs.has(key)) {
        refs.set(key, { name: entry.hook.name, namespace: entry.hook.namespace });
      }
    }
  }
  return [...refs.values()];
};

/** Whether every VM runs the same hooks at both steps (otherwise they were set by hand). */
export const planHooksUniform = (plan: Pick<Plan, 'spec'>): boolean => {
  const keyOf = (hooks: readonly { step: string; hook: Partial<HookRef> }[] | undefined) =>
    (hooks ?? [])
      .map((entry) => `${entry.step}:${entry.hook.namespace ?? ''}/${entry.hook.name}`)
      .sort()
      .join(',');
  const keys = new Set((plan.spec?.vms ?? []).map((vm) => keyOf(vm.hooks)));
  return keys.size <= 1;
};
