// Where the plan pages live (console-extensions.json): the list is the console's resource list,
// the wizard `…~Plan/~new`, the details `…~Plan/<name>` with one path per tab (Forklift's paths),
// so that a tab can be linked (the list's "N VMs" links to /vms) and reloaded.
import { PlanModel, referenceFor, type VmMigrationState } from '@forklift-console/api';
import { resourceListPath } from '../../utils/resource-paths.ts';

export const PLAN_TABS = ['details', 'yaml', 'vms', 'resources', 'mappings', 'hooks'] as const;

export type PlanTabKey = (typeof PLAN_TABS)[number];

const PLAN_REFERENCE = referenceFor(PlanModel);

export const planDetailsPath = (
  namespace: string,
  name: string,
  tab: PlanTabKey = 'details',
): string => {
  const base = `${resourceListPath(PlanModel, namespace)}/${encodeURIComponent(name)}`;
  return tab === 'details' ? base : `${base}/${tab}`;
};

/** The Virtual machines tab's filters in its URL, so that a link or a reload keeps them. */
export const VM_FILTER_PARAMS = { status: 'status', name: 'name' } as const;

/** The Virtual machines tab, showing only the VMs in `status` when one is given. */
export const planVmsPath = (namespace: string, name: string, status?: VmMigrationState): string => {
  const path = planDetailsPath(namespace, name, 'vms');
  return status ? `${path}?${new URLSearchParams({ [VM_FILTER_PARAMS.status]: status })}` : path;
};

/** The tab a URL shows; `details` for the plan's own URL or a tab this page does not know. */
export const planTabOf = (pathname: string): PlanTabKey => {
  const segments = pathname.split('/');
  const segment = segments[segments.indexOf(PLAN_REFERENCE) + 2];
  return (PLAN_TABS as readonly string[]).includes(segment ?? '')
    ? (segment as PlanTabKey)
    : 'details';
};

export const planCreatePath = (namespace: string | undefined): string =>
  `${resourceListPath(PlanModel, namespace)}/~new`;
