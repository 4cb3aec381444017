// The hook controller's reconcile: judge the Hook, write its conditions and the generation seen,
// Ready when nothing blocks, so that plans using it can tell a runnable hook from a broken one.
import type { CustomObjectsApi } from '@kubernetes/client-node';
import { HookModel, type ForkliftController, type Hook } from '@forklift-console/api';
import { stageConditions, type Condition } from '../conditions.ts';
import {
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  FAST_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { checkHook } from './validation.ts';

export type HookReconcilerOptions = {
  custom: CustomObjectsApi;
  /** The ForkliftController whose aap_url an AAP hook may rely on. */
  forkliftController: () => ForkliftController | undefined;
};

export const createHookReconciler =
  ({ custom, forkliftController }: HookReconcilerOptions) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const hook = await readObject<Hook>(custom, HookModel, namespace, name);
    if (!hook || hook.metadata?.deletionTimestamp) return {};
    const stage = stageConditions(hook.status?.conditions as Condition[] | undefined);
    for (const condition of checkHook(hook, forkliftController())) stage.set(condition);
    if (!stage.hasBlocker()) {
      stage.set({ type: 'Ready', category: 'Required', message: 'The hook is ready.' });
    }
    try {
      await writeStatus(custom, HookModel, hook, {
        ...hook.status,
        conditions: stage.end(),
        observedGeneration: hook.metadata?.generation,
      });
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    return {};
  };
