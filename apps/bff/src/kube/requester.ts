// Whose credentials a request runs with. In a cluster the console proxy forwards the user's bearer
// token and cluster RBAC decides. Standalone, a request without a token acts with the embedded API's
// administrator credential (the standalone shell has no sign-in) and one with a token is that user
// of the embedded API (DATA_DIR/tokens.csv), under its RBAC. A user's KubeConfig copies the
// current cluster, so it verifies the server with the same CA.
import { KubeConfig } from '@kubernetes/client-node';
import type { KubeConnection } from './connection.ts';

export class UnauthenticatedError extends Error {}

const BEARER = /^Bearer\s+(\S+)$/i;

export const kubeConfigForRequest = (
  connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>,
  authorization: string | undefined,
): KubeConfig => {
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (connection.mode === 'embedded' && !token) return connection.kubeConfig;
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
