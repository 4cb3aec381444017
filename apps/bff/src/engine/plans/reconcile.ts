// The plan controller's reconcile (reference engine.md §2.1): read the Plan (a deleted one's
// orphans are removed), wait while what it refers to has not been judged since its last change,
// validate it, archive it (cleaning up) or mark it Ready, run its execution when nothing blocks
// (engine/migrations/execution), and write the conditions and status.migration in one status
// write with the generation seen.
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { PlanModel, type Plan } from '@forklift-console/api';
import type { Logger } from '../../logging.ts';
import { stageConditions, type Condition, type ConditionStage } from '../conditions.ts';
import {
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  SLOW_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { validatePlan, type PlanValidationInput } from './validation.ts';
import {
  failBlockedExecution,
  removePlanOrphans,
  runPlanArchive,
  runPlanExecution,
  type PlanStepDependencies,
} from '../migrations/execution/plan-step.ts';
import { EXECUTION_CONDITIONS } from '../migrations/execution/vm-conditions.ts';

export type PlanReconcilerOptions = Omit<
  PlanValidationInput,
  'plan' | 'forkliftController' | 'serviceAccountExists'
> & {
  custom: CustomObjectsApi;
  core: CoreV1Api;
  forkliftController: () => PlanValidationInput['forkliftController'];
  /** The objects the plan refers to whose status does not yet reflect their spec. */
  unjudgedReferences: (plan: Plan) => string[];
  /** What the migration execution reads besides the plan. */
  execution: Omit<PlanStepDependencies, 'logger'>;
  logger: Logger;
};

/** Conditions that make the plan wait and look again, as Forklift's ReQ conditions do. */
const REQUEUE_CONDITIONS = ['ValidatingVDDK', 'VMMissingChangedBlockTracking'];

const holds = (plan: Plan, type: string): boolean =>
  (plan.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** The object a 404 Status names; none when the API server does not serve the kind at all. */
const notFoundName = (error: unknown): string | undefined => {
  const body = (error as { body?: unknown }).body;
  try {
    const status = (typeof body === 'string' ? JSON.parse(body) : body) as
      { details?: { name?: string } } | undefined;
    return status?.details?.name;
  } catch {
    return undefined;
  }
};

/**
 * Whether the plan's service account is in the target namespace; undefined when none is named, or
 * when the API server has no ServiceAccounts to ask (the embedded one runs no pods as any).
 */
const serviceAccountExists = async (core: CoreV1Api, plan: Plan): Promise<boolean | undefined> => {
  const name = plan.spec?.serviceAccount;
  const namespace = plan.spec?.targetNamespace;
  if (!name || !namespace) return undefined;
  try {
    await core.readNamespacedServiceAccount({ name, namespace });
    return true;
  } catch (error) {
    if (isApiError(error, 404)) return notFoundName(error) === name ? false : undefined;
    throw error;
  }
};

const isJudged = (plan: Plan): boolean =>
  (plan.status?.conditions ?? []).length > 0 &&
  plan.status?.observedGeneration === plan.metadata?.generation;

const stageArchivedOrReady = (plan: Plan, stage: ConditionStage): void => {
  if (plan.spec?.archived) {
    stage.set({
      type: 'Archived',
      category: 'Advisory',
      reason: 'UserRequested',
      message: 'The migration plan has been archived.',
    });
    return;
  }
  if (!stage.hasBlocker() && !stage.has('ValidatingVDDK')) {
    stage.set({ type: 'Ready', category: 'Required', message: 'The migration plan is ready.' });
  }
};

export const createPlanReconciler =
  ({
    custom,
    core,
    forkliftController,
    unjudgedReferences,
    execution,
    logger,
    ...lookups
  }: PlanReconcilerOptions) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const plan = await readObject<Plan>(custom, PlanModel, namespace, name);
    const deps = { ...execution, logger };
    if (!plan) {
      await removePlanOrphans(deps, name, namespace);
      return {};
    }
    if (plan.metadata?.deletionTimestamp) return {};
    // An archived plan keeps the conditions it had when it was archived; a succeeded one is
    // never run again, so there is nothing left to judge.
    if (plan.spec?.archived && holds(plan, 'Archived')) return {};
    if (!plan.spec?.archived && holds(plan, 'Succeeded')) return {};
    // Judging against a map or hook whose status is older than its spec would report the old
    // one; its controller's status write brings the plan back here.
    if (unjudgedReferences(plan).length > 0) return { requeueAfterMs: SLOW_REQUEUE_MS };

    const validation = validatePlan({
      plan,
      forkliftController: forkliftController(),
      serviceAccountExists: await serviceAccountExists(core, plan),
      ...lookups,
    });
    // A Ready provider whose inventory is (re)loading, as after a restart of the BFF, proves
    // nothing new: a plan already judged at this generation keeps its verdict until it is in,
    // rather than flickering to "Cannot start" on every restart.
    if (validation.waitingForInventory && isJudged(plan)) {
      return { requeueAfterMs: SLOW_REQUEUE_MS };
    }
    const stage = stageConditions(plan.status?.conditions as Condition[] | undefined);
    for (const condition of validation.conditions) stage.set(condition);
    // Archive cleans up before the plan says Archived.
    let migration = plan.spec?.archived ? await runPlanArchive(deps, plan) : plan.status?.migration;
    stageArchivedOrReady(plan, stage);
    const runnable =
      !plan.spec?.archived &&
      !validation.waitingForInventory &&
      !stage.hasBlocker() &&
      !REQUEUE_CONDITIONS.some((type) => stage.has(type));
    let executed = runnable ? await runPlanExecution(deps, plan) : undefined;
    if (executed?.readyMessage && stage.has('Ready')) {
      stage.set({ type: 'Ready', category: 'Required', message: executed.readyMessage });
    }
    let conditions = stage.end();
    if (!executed && !plan.spec?.archived && stage.hasBlocker()) {
      executed = failBlockedExecution(deps, plan, conditions);
    }
    if (executed) {
      migration = executed.migration;
      conditions = [
        ...conditions.filter((condition) => !EXECUTION_CONDITIONS.includes(condition.type)),
        ...executed.conditions,
      ];
    }
    try {
      const written = await writeStatus(custom, PlanModel, plan, {
        ...plan.status,
        conditions,
        ...(migration ? { migration } : {}),
        observedGeneration: plan.metadata?.generation,
      });
      const ready = stage.has('Ready');
      if (written && holds(plan, 'Ready') !== ready) {
        logger.info({ plan: key, ready }, 'plan readiness changed');
      }
    } catch (error) {
      // Someone changed the plan since it was read: read it again.
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    const waiting =
      validation.waitingForInventory || REQUEUE_CONDITIONS.some((type) => stage.has(type));
    // Changes to what the plan refers to requeue it as they happen; the periodic pass is the
    // safety net for anything missed.
    return {
      requeueAfterMs: Math.min(
        waiting ? SLOW_REQUEUE_MS : LONG_REQUEUE_MS,
        executed?.requeueAfterMs ?? LONG_REQUEUE_MS,
      ),
    };
  };
