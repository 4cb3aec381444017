// The details page's writes through the BFF (apps/bff/src/plans/edit-routes.ts). Each carries the
// resourceVersion the page read, so an edit of an older plan is refused (409) rather than
// overwriting the controller's or another user's change; the stored plan replaces the cached one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  PlanModel,
  type Hook,
  type HookSpec,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { resourceQueryKey } from '../../../hooks/useResource.ts';
import { sendBffJson } from '../../../utils/bff.ts';

const planApiPath = (namespace: string, name: string) =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/plans/${encodeURIComponent(name)}`;

const usePlanWrite = <Input>(
  plan: Plan,
  send: (bffBaseUrl: string, path: string, input: Input) => Promise<Plan>,
) => {
  const { bffBaseUrl } = useConsoleHost();
  const queryClient = useQueryClient();
  const { namespace = '', name = '' } = plan.metadata ?? {};
  return useMutation({
    mutationFn: (input: Input) => send(bffBaseUrl, planApiPath(namespace, name), input),
    onSuccess: (stored) =>
      queryClient.setQueryData(resourceQueryKey(PlanModel.plural, namespace, name), stored),
  });
};

/** Merges a partial spec (`null` removes a field). */
export const usePatchPlan = (plan: Plan) =>
  usePlanWrite<Record<string, unknown>>(plan, (bffBaseUrl, path, spec) =>
    sendBffJson<Plan>(bffBaseUrl, 'PATCH', path, {
      resourceVersion: plan.metadata?.resourceVersion,
      spec,
    }),
  );

/** Replaces the whole plan (the YAML tab); the YAML carries its own resourceVersion. */
export const useReplacePlan = (plan: Plan) =>
  usePlanWrite<Plan>(plan, (bffBaseUrl, path, body) =>
    sendBffJson<Plan>(bffBaseUrl, 'PUT', path, body),
  );

/** Sets the plan's hook at `step` (a plan-owned Hook on every VM), or removes it (undefined). */
export const useSetPlanHook = (plan: Plan, step: PlanHookStep) =>
  usePlanWrite<HookSpec | undefined>(plan, async (bffBaseUrl, path, hook) => {
    const rv = encodeURIComponent(plan.metadata?.resourceVersion ?? '');
    if (!hook)
      return sendBffJson<Plan>(bffBaseUrl, 'DELETE', `${path}/hooks/${step}?resourceVersion=${rv}`);
    const answer = await sendBffJson<{ plan: Plan; hook: Hook }>(
      bffBaseUrl,
      'PUT',
      `${path}/hooks/${step}`,
      { resourceVersion: plan.metadata?.resourceVersion, hook },
    );
    return answer.plan;
  });
