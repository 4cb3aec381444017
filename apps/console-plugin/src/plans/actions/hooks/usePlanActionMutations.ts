import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PlanModel, type Plan } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { sendBffJson } from '../../../utils/bff.ts';

export type PlanKey = { namespace: string; name: string };

export type PlanActionResult = PlanKey & ({ ok: true } | { ok: false; error: string });

export type BulkPlanAction = 'archive' | 'delete';

/**
 * Archive or Delete of one plan or many (apps/bff/src/plans/action-routes.ts): the answer says per
 * plan whether it was done, so a single refusal never hides the others' success.
 */
export const useBulkPlanAction = (action: BulkPlanAction) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (plans: readonly PlanKey[]) =>
      (
        await sendBffJson<{ results: PlanActionResult[] }>(
          bffBaseUrl,
          'POST',
          `/api/v1/plans/${action}`,
          { plans: plans.map(({ namespace, name }) => ({ namespace, name })) },
        )
      ).results,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['resources', PlanModel.plural] }),
  });
};

/** One plan through the bulk route: its refusal becomes the mutation's error. */
export const useSinglePlanAction = (action: BulkPlanAction, plan: PlanKey) => {
  const bulk = useBulkPlanAction(action);
  const refusal = bulk.data?.find((result) => !result.ok);
  return {
    isPending: bulk.isPending,
    error: bulk.error ?? (refusal && !refusal.ok ? new Error(refusal.error) : null),
    run: (onDone: () => void) =>
      bulk.mutate([plan], {
        onSuccess: (results) => {
          if (results.every((result) => result.ok)) onDone();
        },
      }),
  };
};

export const useDuplicatePlan = ({ namespace, name }: PlanKey) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newName: string) =>
      sendBffJson<Plan>(
        bffBaseUrl,
        'POST',
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/plans/${encodeURIComponent(name)}/duplicate`,
        { name: newName },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['resources', PlanModel.plural] }),
  });
};
