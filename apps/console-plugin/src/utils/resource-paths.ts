import { referenceFor, type K8sModel } from '@forklift-console/api';

/** The console's URL for a resource list: one project, or all of them when none is chosen. */
export const resourceListPath = (
  model: Pick<K8sModel, 'group' | 'version' | 'kind'>,
  namespace: string | undefined,
): string =>
  namespace
    ? `/k8s/ns/${encodeURIComponent(namespace)}/${referenceFor(model)}`
    : `/k8s/all-namespaces/${referenceFor(model)}`;

/** The project named by a console resource URL; undefined for All projects or another page. */
export const namespaceOfPath = (pathname: string): string | undefined => {
  const match = /^\/k8s\/ns\/([^/]+)(\/|$)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
};

/** The same page in another project (or All projects); undefined when the page has no project. */
export const pathInNamespace = (
  pathname: string,
  namespace: string | undefined,
): string | undefined => {
  const match = /^\/k8s\/(?:ns\/[^/]+|all-namespaces)(\/.*)?$/.exec(pathname);
  if (!match) return undefined;
  const rest = match[1] ?? '';
  return namespace
    ? `/k8s/ns/${encodeURIComponent(namespace)}${rest}`
    : `/k8s/all-namespaces${rest}`;
};
