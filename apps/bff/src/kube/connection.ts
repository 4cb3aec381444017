// Which Kubernetes API the BFF talks to: the configured cluster's, or else the embedded cluster,
// started here. Whatever the answer, the rest of the BFF only ever sees a KubeConfig, so
// standalone and cluster modes run the same code.
import { PooledKubeConfig } from '@forklift-console/controller-runtime';
import { startEmbeddedCluster } from '@forklift-console/embedded-cluster';
import type { BffConfig } from '../config.ts';
import type { Logger } from '../logging.ts';
import type { KubeConnection } from './kube-connection.ts';

export const connectToKubernetes = async (
  config: BffConfig,
  logger: Logger,
  /** Standalone: whether the embedded cluster runs its workers (tests of the BFF alone say no). */
  { clusterWorkers = true }: { clusterWorkers?: boolean } = {},
): Promise<KubeConnection> => {
  if (config.kubeconfig || config.inCluster) {
    const kubeConfig = new PooledKubeConfig();
    if (config.kubeconfig) kubeConfig.loadFromFile(config.kubeconfig);
    else kubeConfig.loadFromCluster();
    const serverUrl = kubeConfig.getCurrentCluster()?.server ?? '';
    return { mode: 'cluster', kubeConfig, serverUrl, close: async () => {} };
  }
  const cluster = await startEmbeddedCluster({
    dataDir: config.dataDir,
    // Loopback whatever HOST says: the embedded cluster belongs to this machine, and its
    // certificate names only the loopback addresses, even when the console is reachable from the
    // network (HOST=0.0.0.0 in a container).
    host: '127.0.0.1',
    logger,
    // Standalone an OVA provider's NFS share is a folder under this root (inventory/ova/share.ts);
    // the cluster's NFS volumes, which Forklift's conversion pods mount, are the same folders.
    nfsShareRoot: config.ovaShareRoot,
    workers: clusterWorkers,
  });
  return {
    mode: 'embedded',
    kubeConfig: cluster.kubeConfig,
    serverUrl: cluster.url,
    kubeconfigPath: cluster.kubeconfigPath,
    close: () => cluster.close(),
  };
};
