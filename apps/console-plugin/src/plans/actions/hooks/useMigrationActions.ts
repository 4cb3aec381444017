import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MigrationModel, PlanModel, type Migration } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { sendBffJson } from '../../../utils/bff.ts';
import type { PlanKey } from './usePlanActionMutations.ts';

const planPath = ({ namespace, name }: PlanKey, action: string) =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/plans/${encodeURIComponent(name)}/${action}`;

/** Plans and Migrations change together; the feed refreshes both, this only does it sooner. */
const useInvalidateMigrations = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['resources', MigrationModel.plural] }),
      queryClient.invalidateQueries({ queryKey: ['resources', PlanModel.plural] }),
    ]);
};

/** Start or Restart (apps/bff/src/plans/migration-routes.ts): the BFF creates the Migration. */
export const useStartPlan = (plan: PlanKey) => {
  const { bffBaseUrl } = useConsoleHost();
  const invalidate = useInvalidateMigrations();
  return useMutation({
    mutationFn: () => sendBffJson<Migration>(bffBaseUrl, 'POST', planPath(plan, 'start')),
    onSuccess: invalidate,
  });
};

/** Cancel of the VMs with these ids: they join the active Migration's spec.cancel. */
export const useCancelVms = (plan: PlanKey) => {
  const { bffBaseUrl } = useConsoleHost();
  const invalidate = useInvalidateMigrations();
  return useMutation({
    mutationFn: (ids: readonly string[]) =>
      sendBffJson<Migration>(bffBaseUrl, 'POST', planPath(plan, 'cancel'), {
        vms: ids.map((id) => ({ id })),
      }),
    onSuccess: invalidate,
  });
};
