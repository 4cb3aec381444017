// Which Kubernetes API the BFF talks to. Whatever the answer, the rest of the BFF only ever sees a
// KubeConfig, so standalone and cluster modes run the same code.
import { KubeConfig } from '@kubernetes/client-node';
import { startEmbeddedApiServer } from '../kube-api/index.ts';
import { kubeConfigForServer } from './kube-config.ts';
import type { BffConfig } from '../config.ts';
import type { Logger } from '../logging.ts';

export type KubeConnection = {
  mode: 'embedded' | 'cluster';
  kubeConfig: KubeConfig;
  /** The API server URL, printed for `kubectl --server`. */
  serverUrl: string;
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
    // Loopback whatever HOST says: the embedded API has no authentication, so it must never be
    // reachable from the network even when the console is (HOST=0.0.0.0 in a container).
    host: '127.0.0.1',
    logger: logger.child({ component: 'embedded-api' }),
  });
  return {
    mode: 'embedded',
    kubeConfig: kubeConfigForServer(server.url),
    serverUrl: server.url,
    close: () => server.close(),
  };
};
