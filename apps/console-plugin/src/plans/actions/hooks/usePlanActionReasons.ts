import { useCallback } from 'react';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanActionBlock } from '../utils/plan-action-rules.ts';

/** Words each reason a plan action is off, as the menu item's description. */
export const usePlanActionReasons = () => {
  const { t } = useForkliftTranslation();
  return useCallback(
    (block: PlanActionBlock): string | undefined => {
      switch (block) {
        case 'archived':
          return t('Archived plans cannot be edited');
        case 'running':
          return t('Plans cannot be modified during migration');
        case 'completed':
          return t('All VMs were migrated; the plan cannot be edited');
        case 'cannot-start':
          return t('The plan cannot start; fix it before copying it');
        case 'forbidden':
          return t('You are not allowed to do this in this project');
        default:
          return undefined;
      }
    },
    [t],
  );
};
