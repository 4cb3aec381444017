// Whose credentials a request runs with. In a cluster the console proxy forwards the user's bearer
// token and cluster RBAC decides; standalone, the embedded API has a single local administrator.
import { KubeConfig } from '@kubernetes/client-node';
import type { KubeConnection } from './connection.ts';

export class UnauthenticatedError extends Error {}

const BEARER = /^Bearer\s+(\S+)$/i;

export const kubeConfigForRequest = (
  connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>,
  authorization: string | undefined,
): KubeConfig => {
  if (connection.mode === 'embedded') return connection.kubeConfig;
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!token) {
    throw new UnauthenticatedError('A bearer token is required: sign in through the console');
  }
  const cluster = connection.kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The kubeconfig has no current cluster');
  const userConfig = new KubeConfig();
  userConfig.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'console-user', token }],
    contexts: [{ name: 'console-user', cluster: cluster.name, user: 'console-user' }],
    currentContext: 'console-user',
  });
  return userConfig;
};
