// Whose credentials a request runs with. The access layer has decided who the caller is; this
// turns that into a KubeConfig. Nothing a user asks ever runs with the BFF's own credentials
// unless the caller is the standalone administrator, whose credentials those are. A user's KubeConfig
// copies the current cluster, so it verifies the server with the same CA.
import type { KubeConfig } from '@kubernetes/client-node';
import { PooledKubeConfig } from '@forklift-console/controller-runtime';
import type { KubeConnection } from './kube-connection.ts';
import type { Caller } from '../access/caller.ts';

export class UnauthenticatedError extends Error {}

export const kubeConfigForRequest = (
  connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>,
  caller: Caller | undefined,
): KubeConfig => {
  if (caller?.kind === 'administrator' && connection.mode === 'embedded') {
    return connection.kubeConfig;
  }
  if (caller?.kind !== 'user') {
    throw new UnauthenticatedError('A bearer token is required: sign in through the console');
  }
  const cluster = connection.kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The kubeconfig has no current cluster');
  const userConfig = new PooledKubeConfig();
  userConfig.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'console-user', token: caller.token }],
    contexts: [{ name: 'console-user', cluster: cluster.name, user: 'console-user' }],
    currentContext: 'console-user',
  });
  return userConfig;
};
