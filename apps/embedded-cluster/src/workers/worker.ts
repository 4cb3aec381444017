// What a worker of the embedded cluster is given and gives back: the cluster's KubeConfig, its data
// directory and a logger in; a way to stop it out.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterLogger } from '../logger.ts';

export type WorkerContext = {
  kubeConfig: KubeConfig;
  /** DATA_DIR of the embedded cluster: volumes live under DATA_DIR/volumes. */
  dataDir: string;
  logger: ClusterLogger;
};

export type Worker = { stop(): Promise<void> };

export type WorkerStarter = (context: WorkerContext) => Promise<Worker>;
