// What the launcher's reconciles share: the clients, where its files go, which qemu and firmware
// it runs, the node it reports, and a way back into the queue when qemu ends.
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { ClusterLogger } from '../logger.ts';

export type LauncherContext = {
  core: CoreV1Api;
  custom: CustomObjectsApi;
  dataDir: string;
  logger: ClusterLogger;
  qemuBinary: string;
  ovmfDir: string;
  /** The machine's hostname: the node every VMI and launcher pod runs on. */
  nodeName: string;
  /** The pids of the qemu processes this worker started or adopted. */
  processes: Set<number>;
  /** Reconcile this VMI (`namespace/name`) again soon: its qemu has ended. */
  requeueVmi(key: string): void;
};

/** The Debian package that provides qemu-system-x86_64. */
export const QEMU_PACKAGE = 'qemu-system-x86';
