import type { Plan, PlanStartAction } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

/** The Start modal's title and message for the plan's migration type (reference ui.md §2.5). */
export const useStartPlanTexts = (
  plan: Plan,
  action: PlanStartAction,
  sourceType: string | undefined,
) => {
  const { t } = useForkliftTranslation();
  const name = plan.metadata?.name ?? '';
  const type = plan.spec?.type ?? (plan.spec?.warm ? 'warm' : 'cold');
  const titles: Record<typeof type, string> = {
    cold: t('Start the cold migration for plan {{name}}?', { name }),
    warm: t('Start the warm migration for plan {{name}}?', { name }),
    live: t('Start the live migration for plan {{name}}?', { name }),
    conversion: t('Start the conversion for plan {{name}}?', { name }),
  };
  const messages: Record<typeof type, string> = {
    cold: t(
      'The source VMs are shut down while their disks are copied. Each migrated VM then starts in the target project as its target power state says.',
    ),
    warm: t(
      'The disks are copied while the source VMs keep running. The VMs are shut down only at cutover, which you schedule once the copy has caught up.',
    ),
    live: t('The VMs keep running while they move to the target cluster: no downtime is expected.'),
    conversion: t('The guests of the VMs are converted in place on disks already copied.'),
  };
  const message =
    sourceType === 'ova'
      ? t('The appliances are converted and their disks copied into the target project.')
      : messages[type];
  return {
    title:
      action === 'restart' ? t('Restart the migration for plan {{name}}?', { name }) : titles[type],
    message,
  };
};
