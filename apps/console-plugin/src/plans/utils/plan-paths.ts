// Where the plan pages live (console-extensions.json): the list is the console's resource list,
// the wizard `…~Plan/~new`, the details `…~Plan/<name>` with one path per tab.
import { PlanModel } from '@forklift-console/api';
import { resourceListPath } from '../../utils/resource-paths.ts';

export type PlanTabKey = 'details' | 'yaml' | 'vms' | 'resources' | 'mappings' | 'hooks';

export const planDetailsPath = (
  namespace: string,
  name: string,
  tab: PlanTabKey = 'details',
): string => {
  const base = `${resourceListPath(PlanModel, namespace)}/${encodeURIComponent(name)}`;
  return tab === 'details' ? base : `${base}/${tab}`;
};

export const planCreatePath = (namespace: string | undefined): string =>
  `${resourceListPath(PlanModel, namespace)}/~new`;
