// How the BFF reaches another cluster named by an `openshift` Provider: its URL, and from its
// Secret the bearer `token`, the CA to trust (`cacert`) or `insecureSkipVerify`. The inventory,
// the provider's connection test and the map controllers all reach a remote cluster this way.
import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { PooledKubeConfig } from '@forklift-console/controller-runtime';
import { parseBool } from '@forklift-console/api';

export type RemoteCluster = {
  /** The API server, e.g. https://api.example.com:6443. */
  url: string;
  token: string;
  /** PEM of the CA the API server's certificate must chain to; absent means the system's CAs. */
  cacert?: string;
  insecureSkipVerify?: boolean;
};

/** The remote cluster of a Provider's URL and decoded Secret (call after validation). */
export const remoteClusterOf = (
  url: string,
  secretData: Record<string, string>,
): RemoteCluster => ({
  url,
  token: secretData.token ?? '',
  ...(secretData.cacert ? { cacert: secretData.cacert } : {}),
  ...(parseBool(secretData.insecureSkipVerify) ? { insecureSkipVerify: true } : {}),
});

/** A KubeConfig that acts as the token's holder on the remote cluster. */
export const kubeConfigForRemoteCluster = ({
  url,
  token,
  cacert,
  insecureSkipVerify = false,
}: RemoteCluster): KubeConfig => {
  const kubeConfig = new PooledKubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: 'remote',
        // A trailing slash would make every request path start with //.
        server: url.replace(/\/+$/, ''),
        skipTLSVerify: insecureSkipVerify,
        ...(cacert && !insecureSkipVerify
          ? { caData: Buffer.from(cacert).toString('base64') }
          : {}),
      },
    ],
    users: [{ name: 'remote', token }],
    contexts: [{ name: 'remote', cluster: 'remote', user: 'remote' }],
    currentContext: 'remote',
  });
  return kubeConfig;
};

/**
 * Names a remote cluster without holding its token, so that a changed URL, token or trust starts a
 * new inventory or client.
 */
export const remoteClusterKey = (cluster: RemoteCluster): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        cluster.url,
        cluster.token,
        cluster.cacert ?? '',
        cluster.insecureSkipVerify ?? false,
      ]),
    )
    .digest('hex');
