// Which Kubernetes API the BFF talks to. Whatever the answer, the rest of the BFF only ever sees a
// KubeConfig, so standalone and cluster modes run the same code.
import { KubeConfig } from '@kubernetes/client-node';
import { startEmbeddedApiServer } from '../kube-api/index.ts';
import { kubeConfigForEmbeddedServer } from './kube-config.ts';
import type { BffConfig } from '../config.ts';
import type { Logger } from '../logging.ts';

export type KubeConnection = {
  mode: 'embedded' | 'cluster';
  kubeConfig: KubeConfig;
  /** The API server URL, printed at start. */
  serverUrl: string;
  /** Embedded mode: DATA_DIR/kubeconfig, the administrator's kubeconfig for kubectl. */
  kubeconfigPath?: string;
  close(): Promise<void>;
};

export const connectToKubernetes = async (
  config: BffConfig,
  logger: Logger,
): Promise<KubeConnection> => {
  if (config.kubeconfig || config.inCluster) {
    const kubeConfig = new KubeConfig();
    if (config.kubeconfig) kubeConfig.loadFromFile(config.kubeconfig);
    else kubeConfig.loadFromCluster();
    const serverUrl = kubeConfig.getCurrentCluster()?.server ?? '';
    return { mode: 'cluster', kubeConfig, serverUrl, close: async () => {} };
  }
  const server = await startEmbeddedApiServer({
    dataDir: config.dataDir,
    // Loopback whatever HOST says: the embedded cluster belongs to this machine, and its
    // certificate names only the loopback addresses, even when the console is reachable from the
    // network (HOST=0.0.0.0 in a container).
    host: '127.0.0.1',
    logger: logger.child({ component: 'embedded-api' }),
  });
  return {
    mode: 'embedded',
    kubeConfig: kubeConfigForEmbeddedServer(server),
    serverUrl: server.url,
    kubeconfigPath: server.kubeconfigPath,
    close: () => server.close(),
  };
};
