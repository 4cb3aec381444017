import {
  ownerPlanBlock,
  ownerPlanName,
  PlanModel,
  type K8sModel,
  type ObjectMeta,
  type Plan,
} from '@forklift-console/api';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { useAccessReview } from './useAccessReview.ts';
import { useResource } from './useResource.ts';

/** Why Edit and Delete are off for a map, each undefined when the action is allowed. */
export type MapActionGate = { editDisabledReason?: string; deleteDisabledReason?: string };

/**
 * Edit and Delete of one map are refused when its owning plan is archived, migrating or completed
 * (the rule the BFF applies too) or when RBAC would refuse the caller.
 */
export const useMapActionGate = (
  model: K8sModel,
  metadata: ObjectMeta | undefined,
): MapActionGate => {
  const { t } = useForkliftTranslation();
  const namespace = metadata?.namespace ?? '';
  const planName = ownerPlanName(metadata);
  const plan = useResource<Plan>(PlanModel, planName ? namespace : undefined, planName);
  // Asked per project rather than per map, so that a list of many maps asks once.
  const target = { group: model.group, resource: model.plural, namespace };
  const { allowed: mayUpdate } = useAccessReview({ verb: 'update', ...target });
  const { allowed: mayDelete } = useAccessReview({ verb: 'delete', ...target });

  const blockMessages: Record<string, string> = {
    archived: t('Owning plan is archived'),
    executing: t('Owning plan is currently migrating'),
    completed: t('Owning plan has completed'),
  };
  const block = plan.data ? ownerPlanBlock(plan.data) : undefined;
  const planReason =
    planName && plan.isLoading ? t('Checking plan status…') : block && blockMessages[block.reason];
  return {
    editDisabledReason:
      planReason ?? (mayUpdate === false ? t('You are not allowed to edit this map') : undefined),
    deleteDisabledReason:
      planReason ?? (mayDelete === false ? t('You are not allowed to delete this map') : undefined),
  };
};
