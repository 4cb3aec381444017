// Discovery documents (/api, /apis, group and resource lists) built from the kind registry, in the
// legacy form that kubectl and client-node both read.
import type { Kind } from './kinds.ts';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const apiVersions = (serverAddress: string) => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
});

/** Resources that are no stored kind: the reviews a client creates to ask about itself. */
const REVIEWS = [
  {
    group: 'authentication.k8s.io',
    version: 'v1',
    name: 'selfsubjectreviews',
    kind: 'SelfSubjectReview',
  },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    name: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
  },
];

const groupVersions = (kinds: Kind[]) => {
  const groups = new Map<string, string[]>();
  for (const kind of [...kinds, ...REVIEWS]) {
    if (!kind.group) continue;
    const versions = groups.get(kind.group) ?? [];
    if (!versions.includes(kind.version)) versions.push(kind.version);
    groups.set(kind.group, versions);
  }
  return groups;
};

const apiGroup = (name: string, versions: string[]) => ({
  name,
  versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
  preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
});

export const apiGroupList = (kinds: Kind[]) => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: [...groupVersions(kinds)].map(([name, versions]) => apiGroup(name, versions)),
});

export const apiGroupDocument = (kinds: Kind[], group: string) => {
  const versions = groupVersions(kinds).get(group);
  return versions
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) }
    : undefined;
};

export const apiResourceList = (kinds: Kind[], group: string, version: string) => {
  const matching = kinds.filter((kind) => kind.group === group && kind.version === version);
  const reviews = REVIEWS.filter((review) => review.group === group && review.version === version);
  if (matching.length === 0 && reviews.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: [
      ...matching.flatMap((kind) => [
        {
          name: kind.plural,
          singularName: kind.singular,
          namespaced: kind.namespaced,
          kind: kind.kind,
          verbs: kind.createOnly ? ['create'] : VERBS,
          ...(kind.shortNames.length ? { shortNames: kind.shortNames } : {}),
          ...(kind.categories.length ? { categories: kind.categories } : {}),
        },
        ...(kind.statusSubresource
          ? [
              {
                name: `${kind.plural}/status`,
                singularName: '',
                namespaced: kind.namespaced,
                kind: kind.kind,
                verbs: ['get', 'patch', 'update'],
              },
            ]
          : []),
        ...(kind.group === '' && kind.kind === 'Pod'
          ? [{ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] }]
          : []),
      ]),
      ...reviews.map(({ name, kind }) => ({
        name,
        singularName: kind.toLowerCase(),
        namespaced: false,
        kind,
        verbs: ['create'],
      })),
    ],
  };
};
