// RBAC as Kubernetes evaluates it: a request is allowed when a (Cluster)RoleBinding gives the
// user or one of its groups a rule matching the verb, API group, resource and name, or, for a
// path that is no resource (/api, /version, /healthz), a ClusterRoleBinding gives a rule matching
// the verb and the path. Members of system:masters may do everything. Nothing is denied
// explicitly; no rule means no access.
import type { KubeObject } from './store.ts';
import type { UserInfo } from './authentication.ts';

export type RequestAttributes = {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
};

/** A request on a path that names no resource: discovery, /version, /healthz. */
export type NonResourceAttributes = { verb: string; path: string };

type PolicyRule = {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};

type Subject = { kind?: string; name?: string; namespace?: string };

/** What the authorizer needs to read: the RBAC objects, by kind. */
export type RbacSource = {
  list(kind: 'roles' | 'clusterroles' | 'rolebindings' | 'clusterrolebindings'): KubeObject[];
};

const covers = (values: string[] | undefined, value: string) =>
  (values ?? []).some((candidate) => candidate === '*' || candidate === value);

// `/apis/*` covers everything under /apis/, as in Kubernetes; other entries match exactly.
const coversPath = (urls: string[] | undefined, path: string) =>
  (urls ?? []).some((url) =>
    url.endsWith('*') ? path.startsWith(url.slice(0, -1)) : url === path,
  );

const ruleAllowsPath = (rule: PolicyRule, attributes: NonResourceAttributes) =>
  covers(rule.verbs, attributes.verb) && coversPath(rule.nonResourceURLs, attributes.path);

const ruleAllows = (rule: PolicyRule, attributes: RequestAttributes) => {
  const resource = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  return (
    covers(rule.verbs, attributes.verb) &&
    covers(rule.apiGroups, attributes.group) &&
    (covers(rule.resources, resource) ||
      (attributes.subresource !== undefined &&
        covers(rule.resources, `${attributes.resource}/*`))) &&
    (!rule.resourceNames?.length ||
      (attributes.name !== undefined && rule.resourceNames.includes(attributes.name)))
  );
};

const bindsUser = (binding: KubeObject, user: UserInfo) =>
  ((binding.subjects as Subject[] | undefined) ?? []).some(
    (subject) =>
      (subject.kind === 'User' && subject.name === user.username) ||
      (subject.kind === 'Group' &&
        subject.name !== undefined &&
        user.groups.includes(subject.name)),
  );

const rulesOf = (role: KubeObject | undefined) => (role?.rules as PolicyRule[] | undefined) ?? [];
const roleRef = (binding: KubeObject) => binding.roleRef as { kind?: string; name?: string };

export const authorize = (
  source: RbacSource,
  user: UserInfo,
  attributes: RequestAttributes | NonResourceAttributes,
): boolean => {
  if (user.groups.includes('system:masters')) return true;
  const clusterRoles = new Map(
    source.list('clusterroles').map((role) => [role.metadata.name, role]),
  );
  const allows =
    'path' in attributes
      ? (rule: PolicyRule) => ruleAllowsPath(rule, attributes)
      : (rule: PolicyRule) => ruleAllows(rule, attributes);

  for (const binding of source.list('clusterrolebindings')) {
    if (!bindsUser(binding, user)) continue;
    const role = clusterRoles.get(roleRef(binding).name ?? '');
    if (rulesOf(role).some(allows)) return true;
  }
  // Namespaced bindings grant namespaced resources only, never paths.
  if ('path' in attributes || !attributes.namespace) return false;
  const roles = source.list('roles');
  for (const binding of source.list('rolebindings')) {
    if (binding.metadata.namespace !== attributes.namespace || !bindsUser(binding, user)) continue;
    const { kind, name } = roleRef(binding);
    const role =
      kind === 'ClusterRole'
        ? clusterRoles.get(name ?? '')
        : roles.find(
            (candidate) =>
              candidate.metadata.name === name &&
              candidate.metadata.namespace === attributes.namespace,
          );
    if (rulesOf(role).some((rule) => ruleAllows(rule, attributes))) return true;
  }
  return false;
};

/** The sentence Kubernetes answers a forbidden request with. */
export const forbiddenMessage = (
  user: UserInfo,
  attributes: RequestAttributes | NonResourceAttributes,
): string => {
  if ('path' in attributes) {
    return `forbidden: User "${user.username}" cannot ${attributes.verb} path "${attributes.path}"`;
  }
  const resource = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  const group = `in API group "${attributes.group}"`;
  const scope = attributes.namespace
    ? `in the namespace "${attributes.namespace}"`
    : 'at the cluster scope';
  const named = attributes.name ? ` "${attributes.name}"` : '';
  return `${resource}${named} is forbidden: User "${user.username}" cannot ${attributes.verb} resource "${resource}" ${group} ${scope}`;
};
