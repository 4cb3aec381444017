import { ownerPlanBlock, PlanModel, type Plan } from '@forklift-console/api';
import { useAccessReview } from '../../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

/**
 * Why the plan's settings, VMs, maps and hooks cannot be edited now, or undefined: the plan is
 * archived, migrating or completed (packages/api planEditBlock, which the BFF answers with 409),
 * or RBAC would refuse the caller's update.
 */
export const usePlanEditGate = (plan: Plan): string | undefined => {
  const { t } = useForkliftTranslation();
  const { allowed } = useAccessReview({
    verb: 'update',
    group: PlanModel.group,
    resource: PlanModel.plural,
    namespace: plan.metadata?.namespace ?? '',
  });
  const block = ownerPlanBlock(plan);
  if (block) {
    const reasons = {
      archived: t('Archived plans cannot be edited'),
      executing: t('Plans cannot be modified during migration'),
      completed: t('The plan has completed: all its VMs were migrated'),
    };
    return reasons[block.reason];
  }
  if (allowed === false) return t('You are not allowed to edit this plan');
  return undefined;
};
