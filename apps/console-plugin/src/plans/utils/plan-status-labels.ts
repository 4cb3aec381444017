// How each migration status reads and looks, for the status label and the status filter alike.
import type { PlanMigrationStatus } from '@forklift-console/api';
/** The translate function, as `useForkliftTranslation().t` gives it. */
export type Translate = (key: string, options?: Record<string, string | number>) => string;

export type PlanStatusLook = {
  color: 'green' | 'red' | 'orange' | 'blue' | 'grey' | 'yellow';
  status?: 'success' | 'danger' | 'warning' | 'info';
};

export const PLAN_STATUS_LOOKS: Record<PlanMigrationStatus, PlanStatusLook> = {
  Archived: { color: 'grey' },
  Unknown: { color: 'grey' },
  Completed: { color: 'green', status: 'success' },
  Canceled: { color: 'grey' },
  Paused: { color: 'yellow', status: 'warning' },
  CannotStart: { color: 'red', status: 'danger' },
  Incomplete: { color: 'orange', status: 'warning' },
  Pending: { color: 'blue', status: 'info' },
  Executing: { color: 'blue', status: 'info' },
  Ready: { color: 'green', status: 'success' },
  Validating: { color: 'grey' },
};

/** Forklift's words for each status (the list's label and its filter). */
export const planStatusLabel = (status: PlanMigrationStatus, t: Translate): string => {
  const labels: Record<PlanMigrationStatus, string> = {
    Archived: t('Archived'),
    Unknown: t('Unknown'),
    Completed: t('Complete'),
    Canceled: t('Canceled'),
    Paused: t('Paused'),
    CannotStart: t('Cannot start'),
    Incomplete: t('Incomplete'),
    Pending: t('Pending'),
    Executing: t('Running'),
    Ready: t('Ready to start'),
    Validating: t('Validating'),
  };
  return labels[status];
};
