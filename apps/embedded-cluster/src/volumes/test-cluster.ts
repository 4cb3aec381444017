// For the tests of the volume and CDI workers: the embedded API on a fresh data directory with
// the StorageClasses the standalone app seeds and the workers under test started on it.
import { StorageV1Api } from '@kubernetes/client-node';
import { DEFAULT_STORAGE_CLASS_ANNOTATION } from '@forklift-console/api';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker, WorkerStarter } from '../workers/worker.ts';

export type TestCluster = TestServer & {
  storage: StorageV1Api;
  /** Starts the workers again (after `stopWorkers`), as a restarted app would. */
  startWorkers(): Promise<void>;
  stopWorkers(): Promise<void>;
};

export const startTestCluster = async (
  prefix: string,
  workers: WorkerStarter[],
  namespaces: string[],
  { nfsShareRoot }: { nfsShareRoot?: string } = {},
): Promise<TestCluster> => {
  const api = await startTestServer(prefix);
  const storage = api.admin.makeApiClient(StorageV1Api);
  for (const name of namespaces) await api.core.createNamespace({ body: { metadata: { name } } });
  for (const [name, isDefault] of [
    ['hostpath-csi', true],
    ['nfs-csi', false],
  ] as const) {
    await storage.createStorageClass({
      body: {
        metadata: {
          name,
          ...(isDefault ? { annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' } } : {}),
        },
        provisioner: 'kubevirt.io.hostpath-provisioner',
        reclaimPolicy: 'Delete',
      },
    });
  }
  let running: Worker[] = [];
  const context = {
    kubeConfig: api.admin,
    dataDir: api.dataDir,
    logger: silentLogger,
    servingCredential: api.server.servingCredential,
    ...(nfsShareRoot ? { nfsShareRoot } : {}),
  };
  const cluster: TestCluster = {
    ...api,
    storage,
    async startWorkers() {
      for (const start of workers) running.push(await start(context));
    },
    async stopWorkers() {
      for (const worker of running.reverse()) await worker.stop();
      running = [];
    },
    async close() {
      await cluster.stopWorkers();
      await api.close();
    },
  };
  await cluster.startWorkers();
  return cluster;
};
