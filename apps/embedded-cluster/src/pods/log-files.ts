// Where a pod's container logs live on this machine, laid out as the kubelet lays out
// /var/log/pods: one folder per pod (namespace, name and uid, so that a new pod of the same name
// never shows an old pod's log), one per container, one file per run of the container.
import path from 'node:path';

export type PodIdentity = { namespace: string; name: string; uid: string };

/** DATA_DIR/pod-logs: every pod's folder is under it. */
export const podLogsRoot = (dataDir: string): string => path.join(dataDir, 'pod-logs');

export const podLogDirectory = (dataDir: string, pod: PodIdentity): string =>
  path.join(podLogsRoot(dataDir), `${pod.namespace}_${pod.name}_${pod.uid}`);

/** The log of the container's run number `restartCount` (0 for its first run). */
export const containerLogFile = (
  dataDir: string,
  pod: PodIdentity,
  container: string,
  restartCount = 0,
): string => path.join(podLogDirectory(dataDir, pod), container, `${restartCount}.log`);
