import { PlanModel, ProviderModel, type Provider } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useAccessReview } from '../../../hooks/useAccessReview.ts';
import { useResources } from '../../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { createPlanBlock } from '../utils/create-plan-gate.ts';

/** Why Create plan is off in the active project (or all projects), or undefined when it is on. */
export const useCreatePlanGate = (): string | undefined => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const providers = useResources<Provider>(ProviderModel);
  // Under All projects the wizard lets the user choose a project, so there is nothing to ask yet.
  const { allowed } = useAccessReview(
    activeNamespace
      ? {
          verb: 'create',
          group: PlanModel.group,
          resource: PlanModel.plural,
          namespace: activeNamespace,
        }
      : undefined,
  );
  if (allowed === false) return t('You cannot create migration plans in this project');
  if (!providers.data) return undefined;
  return createPlanBlock(providers.data)
    ? t('At least one source and one target provider must be available.')
    : undefined;
};
