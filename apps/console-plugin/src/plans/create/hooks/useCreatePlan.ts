import { useMutation } from '@tanstack/react-query';
import type { CreatePlanRequest, Plan } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { sendBffJson } from '../../../utils/bff.ts';

/** POSTs the plan and what it owns to the BFF (apps/bff/src/plans/create-routes.ts). */
export const useCreatePlan = () => {
  const { bffBaseUrl } = useConsoleHost();
  return useMutation({
    mutationFn: ({ namespace, request }: { namespace: string; request: CreatePlanRequest }) =>
      sendBffJson<Plan>(
        bffBaseUrl,
        'POST',
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/plans`,
        request,
      ),
  });
};
