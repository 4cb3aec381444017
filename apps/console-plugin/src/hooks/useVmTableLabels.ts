import { useMemo } from 'react';
import { useForkliftTranslation } from '../utils/i18n.ts';
import type { ConcernCategory } from '@forklift-console/api';
import type { PowerState, VmFeature, VmSortColumn } from '../utils/vm-table.ts';

export type VmTableLabels = {
  columns: Record<VmSortColumn, string>;
  power: Record<PowerState, string>;
  concerns: Record<ConcernCategory, string>;
  features: Record<VmFeature, string>;
  /** The headings of the concern badges' popovers. */
  concernTitles: Record<ConcernCategory, string>;
};

/**
 * The VM table's words: column titles, the names of power states, concern categories and VM features and the
 * concern popovers' headings. The same object until the language changes, so that the memoized
 * rows need not re-render and fifty rows do not translate the same words again on each keystroke.
 */
export const useVmTableLabels = (): VmTableLabels => {
  const { t } = useForkliftTranslation();
  return useMemo(
    () => ({
      columns: {
        name: t('Name'),
        power: t('Power state'),
        host: t('Host'),
        folder: t('Folder'),
        guestOs: t('Guest OS'),
        ovfPath: t('OVF path'),
        cpus: t('CPUs'),
        memory: t('Memory'),
        disks: t('Disks'),
        concerns: t('Concerns'),
        project: t('Project'),
        status: t('Status'),
        features: t('Features'),
        template: t('Template'),
      },
      power: { on: t('On'), off: t('Off'), unknown: t('Unknown') },
      concerns: { Critical: t('Critical'), Warning: t('Warning'), Information: t('Information') },
      features: {
        dedicatedCpu: t('Dedicated CPU'),
        gpusHostDevices: t('GPUs/Host devices'),
        numa: t('NUMA'),
        persistentTpmEfi: t('Persistent TPM/EFI'),
      },
      concernTitles: {
        Critical: t('Critical concerns'),
        Warning: t('Warnings'),
        Information: t('Information'),
      },
    }),
    [t],
  );
};
