// For tests: users other than the local administrator, and the RBAC that decides what they may
// do, arranged in the embedded Kubernetes API the way an administrator would on a cluster.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  RbacAuthorizationV1Api,
  type KubeConfig,
  type RbacV1Subject,
  type V1PolicyRule,
} from '@kubernetes/client-node';
import { ProviderModel } from '@forklift-console/api';

export type TestUser = { token: string; user: string; groups?: string[] };

/**
 * Writes DATA_DIR/tokens.csv, so the embedded API authenticates each bearer token as its user. The
 * format wants a uid too; nothing here reads it, so the user's name serves.
 */
export const writeTokens = (dataDir: string, users: TestUser[]): Promise<void> =>
  writeFile(
    path.join(dataDir, 'tokens.csv'),
    users
      .map(({ token, user, groups }) =>
        [token, user, user, ...(groups ? [`"${groups.join(',')}"`] : [])].join(','),
      )
      .join('\n') + '\n',
  );

/** Headers that make a request as the token's user; without one, as the local administrator. */
export const bearer = (token?: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

export type RoleGrant = {
  /** The ClusterRole created with `rules`. */
  role: string;
  rules: V1PolicyRule[];
  /** With a namespace the role is bound there only (RoleBinding), without it cluster-wide. */
  namespace?: string;
} & ({ user: string } | { group: string });

/** Creates the ClusterRole and binds it to the user or group. */
export const grantRole = async (kubeConfig: KubeConfig, grant: RoleGrant): Promise<void> => {
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createClusterRole({ body: { metadata: { name: grant.role }, rules: grant.rules } });
  const subject: RbacV1Subject =
    'user' in grant ? { kind: 'User', name: grant.user } : { kind: 'Group', name: grant.group };
  const binding = {
    metadata: { name: `${subject.name}-${grant.role}` },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: grant.role },
    subjects: [subject],
  };
  if (grant.namespace) {
    await rbac.createNamespacedRoleBinding({ namespace: grant.namespace, body: binding });
  } else {
    await rbac.createClusterRoleBinding({ body: binding });
  }
};

/** May see providers, and so their inventories, but not change them. */
export const PROVIDER_READER = {
  role: 'provider-reader',
  rules: [{ apiGroups: [ProviderModel.group], resources: ['providers'], verbs: ['get', 'list'] }],
} satisfies Pick<RoleGrant, 'role' | 'rules'>;
