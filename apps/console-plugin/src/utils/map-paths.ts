// Where the map pages live: the list is the console's resource list, the create pages and the
// details page sit below it (…/NetworkMap/~new, …/~new/form, …/NetworkMap/<name>[/yaml]).
import { referenceFor, type K8sModel } from '@forklift-console/api';
import { resourceListPath } from './resource-paths.ts';

export type MapTabKey = 'details' | 'yaml';

export const mapDetailsPath = (
  model: K8sModel,
  namespace: string,
  name: string,
  tab: MapTabKey = 'details',
): string => {
  const base = `/k8s/ns/${encodeURIComponent(namespace)}/${referenceFor(model)}/${encodeURIComponent(name)}`;
  return tab === 'details' ? base : `${base}/${tab}`;
};

/** The tab a details URL shows; `details` unless it ends in `/yaml`. */
export const mapTabOf = (pathname: string): MapTabKey =>
  pathname.endsWith('/yaml') ? 'yaml' : 'details';

export const mapCreateFormPath = (model: K8sModel, namespace: string | undefined): string =>
  `${resourceListPath(model, namespace)}/~new/form`;

export const mapCreateYamlPath = (model: K8sModel, namespace: string | undefined): string =>
  `${resourceListPath(model, namespace)}/~new`;

/** The BFF's write routes for maps (apps/bff/src/maps/routes.ts). */
export const mapApiPath = (model: K8sModel, namespace: string, name?: string): string =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/${model.plural}${
    name ? `/${encodeURIComponent(name)}` : ''
  }`;
