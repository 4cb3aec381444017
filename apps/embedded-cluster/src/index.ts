// The embedded cluster, for standalone mode only: the Kubernetes-compatible API server and the
// workers that stand in for a cluster's CDI, KubeVirt and kubelet behind the same objects. The
// BFF's engine and routes never import this package; the BFF's start-up starts it when no cluster
// is configured and from then on sees only a KubeConfig.
import type { KubeConfig } from '@kubernetes/client-node';
import { startEmbeddedApiServer, type EmbeddedApiServer } from './api/index.ts';
import { kubeConfigForEmbeddedServer } from './kube-config.ts';
import { silentLogger, type ClusterLogger } from './logger.ts';
import { startWorkers } from './workers/workers.ts';

export type { EmbeddedApiServer } from './api/index.ts';
export { startEmbeddedApiServer } from './api/index.ts';
export { kubeConfigForEmbeddedServer } from './kube-config.ts';
export type { ClusterLogger } from './logger.ts';

export type EmbeddedClusterOptions = {
  dataDir: string;
  host?: string;
  port?: number;
  logger?: ClusterLogger;
  /** The folder standing for NFS shares (the BFF's ovaShareRoot): see WorkerContext. */
  nfsShareRoot?: string;
  /**
   * false: the API server alone, for tests of what talks to it (the BFF's) that need no volumes,
   * imports, pods or VMs to happen.
   */
  workers?: boolean;
};

export type EmbeddedCluster = Omit<EmbeddedApiServer, 'close' | 'servingCredential'> & {
  /** The administrator's KubeConfig for this cluster. */
  kubeConfig: KubeConfig;
  close(): Promise<void>;
};

export const startEmbeddedCluster = async ({
  dataDir,
  host,
  port,
  logger = silentLogger,
  nfsShareRoot,
  workers: withWorkers = true,
}: EmbeddedClusterOptions): Promise<EmbeddedCluster> => {
  const api = await startEmbeddedApiServer({
    dataDir,
    host,
    port,
    logger: logger.child({ component: 'embedded-api' }),
  });
  const kubeConfig = kubeConfigForEmbeddedServer(api);
  let workers = { stop: async () => {} };
  try {
    if (withWorkers) {
      workers = await startWorkers({
        kubeConfig,
        dataDir,
        logger: logger.child({ component: 'embedded-cluster' }),
        servingCredential: api.servingCredential,
        ...(nfsShareRoot ? { nfsShareRoot } : {}),
      });
    }
  } catch (error) {
    await api.close();
    throw error;
  }
  const { servingCredential: _serving, ...seen } = api;
  return {
    ...seen,
    kubeConfig,
    async close() {
      await workers.stop();
      await api.close();
    },
  };
};
