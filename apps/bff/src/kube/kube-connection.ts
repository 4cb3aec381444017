// The Kubernetes API the BFF talks to, as the rest of the BFF sees it: a KubeConfig, whether the
// API is a cluster's or the embedded cluster's.
import type { KubeConfig } from '@kubernetes/client-node';

export type KubeConnection = {
  mode: 'embedded' | 'cluster';
  kubeConfig: KubeConfig;
  /** The API server URL, printed at start. */
  serverUrl: string;
  /** Embedded mode: DATA_DIR/kubeconfig, the administrator's kubeconfig for kubectl. */
  kubeconfigPath?: string;
  close(): Promise<void>;
};
