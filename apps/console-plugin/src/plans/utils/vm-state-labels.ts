// How each VM migration state reads: its label, and the list popover's heading.
import type { VmMigrationState } from '@forklift-console/api';
import type { Translate } from './plan-status-labels.ts';

export const vmStateLabel = (state: VmMigrationState, t: Translate): string => {
  const labels: Record<VmMigrationState, string> = {
    Succeeded: t('Succeeded'),
    Failed: t('Failed'),
    Canceled: t('Canceled'),
    Running: t('Running'),
    Pending: t('Pending'),
  };
  return labels[state];
};

export const vmStateHeading = (state: VmMigrationState, count: number, t: Translate): string => {
  const headings: Record<VmMigrationState, string> = {
    Succeeded: t('{{count}} VMs migrated', { count }),
    Failed: t('{{count}} VMs migration failed', { count }),
    Canceled: t('{{count}} VMs migration canceled', { count }),
    Running: t('{{count}} VMs migrating', { count }),
    Pending: t('{{count}} VMs waiting to start', { count }),
  };
  return headings[state];
};

/** The popover's link to the Virtual machines tab filtered to that state. */
export const vmStateLinkText = (state: VmMigrationState, t: Translate): string => {
  const texts: Record<VmMigrationState, string> = {
    Succeeded: t('View migrated VMs'),
    Failed: t('View failed VMs'),
    Canceled: t('View canceled VMs'),
    Running: t('View migrating VMs'),
    Pending: t('View waiting VMs'),
  };
  return texts[state];
};
