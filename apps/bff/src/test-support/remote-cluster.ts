// For tests: a second cluster beside the BFF's own, as a remote openshift Provider sees it: a
// fresh embedded API server seeded with the remote sample estate (seed/remote-cluster.ts) and a
// token whose user may read it.
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel, type Provider } from '@forklift-console/api';
import { REMOTE_READER_USER, seedRemoteCluster } from '../seed/remote-cluster.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { startTestApi, type TestApi } from './embedded-api.ts';

export const REMOTE_TOKEN = 'remote-reader-token';

export type RemoteTestCluster = {
  api: TestApi;
  url: string;
  /** PEM of the CA its serving certificate chains to. */
  cacert: string;
  token: string;
  close(): Promise<void>;
};

export const startRemoteCluster = async (prefix: string): Promise<RemoteTestCluster> => {
  const api = await startTestApi(prefix, {
    tokens: [{ token: REMOTE_TOKEN, user: REMOTE_READER_USER }],
  });
  await seedRemoteCluster(api.connection.kubeConfig);
  const cluster = api.connection.kubeConfig.getCurrentCluster()!;
  return {
    api,
    url: cluster.server,
    cacert: Buffer.from(cluster.caData ?? '', 'base64').toString('utf8'),
    token: REMOTE_TOKEN,
    close: () => api.close(),
  };
};

/** An openshift Provider for `remote` in the host cluster, with its Secret as the create route makes it. */
export const createRemoteProvider = async (
  host: Pick<KubeConnection, 'kubeConfig'>,
  namespace: string,
  name: string,
  remote: Pick<RemoteTestCluster, 'url' | 'cacert'>,
  secretData: Record<string, string>,
): Promise<Provider> => {
  const custom = host.kubeConfig.makeApiClient(CustomObjectsApi);
  const core = host.kubeConfig.makeApiClient(CoreV1Api);
  const { group, version, plural } = ProviderModel;
  const provider = (await custom.createNamespacedCustomObject({
    group,
    version,
    plural,
    namespace,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name, namespace },
      spec: { type: 'openshift', url: remote.url, secret: { name: `${name}-secret`, namespace } },
    },
  })) as Provider;
  await core.createNamespacedSecret({
    namespace,
    body: {
      metadata: {
        name: `${name}-secret`,
        labels: { createdForResourceType: 'providers', createdForProviderType: 'openshift' },
        ownerReferences: [
          {
            apiVersion: FORKLIFT_API_VERSION,
            kind: ProviderModel.kind,
            name,
            uid: provider.metadata?.uid ?? '',
          },
        ],
      },
      stringData: { cacert: remote.cacert, insecureSkipVerify: 'false', ...secretData },
    },
  });
  return provider;
};
