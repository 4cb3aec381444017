// The plan details page's tabs are routes below the plan's URL (…/Plan/<name>/<tab>), Forklift's
// paths, so that a tab can be linked (the list's "N VMs" links to /vms) and reloaded.
import { PlanModel, referenceFor } from '@forklift-console/api';

export const PLAN_TABS = ['details', 'yaml', 'vms', 'resources', 'mappings', 'hooks'] as const;

export type PlanTabKey = (typeof PLAN_TABS)[number];

const PLAN_REFERENCE = referenceFor(PlanModel);

export const planDetailsPath = (
  namespace: string,
  name: string,
  tab: PlanTabKey = 'details',
): string => {
  const base = `/k8s/ns/${encodeURIComponent(namespace)}/${PLAN_REFERENCE}/${encodeURIComponent(name)}`;
  return tab === 'details' ? base : `${base}/${tab}`;
};

/** The tab a URL shows; `details` for the plan's own URL or a tab this page does not know. */
export const planTabOf = (pathname: string): PlanTabKey => {
  const segments = pathname.split('/');
  const segment = segments[segments.indexOf(PLAN_REFERENCE) + 2];
  return (PLAN_TABS as readonly string[]).includes(segment ?? '')
    ? (segment as PlanTabKey)
    : 'details';
};
