// The default RBAC every Kubernetes cluster starts with, as far as the embedded server serves it:
// signed-in users may read discovery and ask who they are and what they may do; everyone, signed
// in or anonymous, may read /version and the health checks. kube-apiserver creates these at start
// when they are missing; so does this server, leaving them alone when they exist. CDI's own
// `cdi.kubevirt.io:config-reader` is here too, as CDI installs it: signed-in users may read the
// CDIConfig, which says where the upload proxy is.
import { kindKey, type KindRegistry } from './kinds.ts';
import type { ResourceService } from './resources.ts';
import type { Store } from './store.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

const BOOTSTRAP_METADATA = {
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
};

const PUBLIC_PATHS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

const CDI_METADATA = { labels: { 'cdi.kubevirt.io': '' } };

const BOOTSTRAP_ROLES: {
  name: string;
  rules: object[];
  groups: string[];
  metadata?: object;
}[] = [
  {
    name: 'system:discovery',
    rules: [
      {
        verbs: ['get'],
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/openapi',
          '/openapi/*',
          ...PUBLIC_PATHS,
        ],
      },
    ],
    groups: ['system:authenticated'],
  },
  {
    name: 'system:basic-user',
    rules: [
      {
        verbs: ['create'],
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      },
      {
        verbs: ['create'],
        apiGroups: ['authentication.k8s.io'],
        resources: ['selfsubjectreviews'],
      },
    ],
    groups: ['system:authenticated'],
  },
  {
    name: 'system:public-info-viewer',
    rules: [{ verbs: ['get'], nonResourceURLs: PUBLIC_PATHS }],
    groups: ['system:authenticated', 'system:unauthenticated'],
  },
  {
    name: 'cdi.kubevirt.io:config-reader',
    rules: [
      {
        verbs: ['get', 'list', 'watch'],
        apiGroups: ['cdi.kubevirt.io'],
        resources: ['cdiconfigs', 'storageprofiles'],
      },
    ],
    groups: ['system:authenticated'],
    metadata: CDI_METADATA,
  },
];

export const ensureBootstrapPolicy = (
  kinds: KindRegistry,
  store: Store,
  resources: ResourceService,
): void => {
  const clusterRoles = kinds.find(RBAC_GROUP, 'v1', 'clusterroles')!;
  const bindings = kinds.find(RBAC_GROUP, 'v1', 'clusterrolebindings')!;
  for (const { name, rules, groups, metadata = BOOTSTRAP_METADATA } of BOOTSTRAP_ROLES) {
    if (!store.get(kindKey(clusterRoles), undefined, name)) {
      resources.create(clusterRoles, undefined, {
        metadata: { name, ...metadata },
        rules,
      });
    }
    if (!store.get(kindKey(bindings), undefined, name)) {
      resources.create(bindings, undefined, {
        metadata: { name, ...metadata },
        roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name },
        subjects: groups.map((group) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name: group })),
      });
    }
  }
};
