// What a worker of the embedded cluster is given and gives back: the cluster's KubeConfig, its data
// directory and a logger in; a way to stop it out.
import type { KubeConfig } from '@kubernetes/client-node';
import type { CertifiedKey } from '../api/certificates.ts';
import type { ClusterLogger } from '../logger.ts';

export type WorkerContext = {
  kubeConfig: KubeConfig;
  /** DATA_DIR of the embedded cluster: volumes live under DATA_DIR/volumes. */
  dataDir: string;
  logger: ClusterLogger;
  /** The API server's serving certificate, for a worker's own HTTPS endpoint (the upload proxy). */
  servingCredential?: CertifiedKey;
  /**
   * The local folder standing for NFS shares: a PV's `spec.nfs` {server, path} is the folder
   * `<root>/<server>/<path>` (the OVA share rule of packages/api). Without it NFS PVs are not mounted.
   */
  nfsShareRoot?: string;
};

export type Worker = { stop(): Promise<void> };

export type WorkerStarter = (context: WorkerContext) => Promise<Worker>;
