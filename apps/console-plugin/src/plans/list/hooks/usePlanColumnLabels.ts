import { useMemo } from 'react';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanColumn } from '../utils/plan-columns.ts';

/** Forklift's column titles. */
export const usePlanColumnLabels = (): Record<PlanColumn, string> => {
  const { t } = useForkliftTranslation();
  return useMemo(
    () => ({
      name: t('Name'),
      namespace: t('Project'),
      source: t('Source provider'),
      target: t('Target project'),
      vms: t('Virtual machines'),
      status: t('Migration status'),
      type: t('Migration type'),
      started: t('Migration started'),
      description: t('Description'),
    }),
    [t],
  );
};
