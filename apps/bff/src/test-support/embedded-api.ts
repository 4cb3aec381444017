// For tests: the BFF's own embedded Kubernetes API on a fresh data directory, as `npm start`
// would connect to it, and a way to throw both away afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { connectToKubernetes } from '../kube/connection.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { createLogger, type Logger } from '../logging.ts';
import { writeTokens, type TestUser } from '@forklift-console/embedded-cluster/test-support/rbac';

export type TestApi = { connection: KubeConnection; dataDir: string; close(): Promise<void> };

export type TestApiOptions = {
  /** Silent unless a test reads the logs. */
  logger?: Logger;
  /** Bearer tokens the API accepts besides the local administrator's token-less requests. */
  tokens?: TestUser[];
  /** The cluster's workers too, for a route whose answer needs them (an upload fills a volume). */
  clusterWorkers?: boolean;
};

export const startTestApi = async (
  prefix: string,
  { logger = createLogger('silent'), tokens, clusterWorkers = false }: TestApiOptions = {},
): Promise<TestApi> => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    if (tokens) await writeTokens(dataDir, tokens);
    // The BFF's tests judge the BFF: the cluster's workers (volumes, imports, pods, VMs) have
    // tests of their own in apps/embedded-cluster, and run here only when asked for.
    const connection = await connectToKubernetes(
      readConfig(['--data-dir', dataDir], {}, '/'),
      logger,
      { clusterWorkers },
    );
    return {
      connection,
      dataDir,
      async close() {
        await connection.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    // The caller gets no handle to clean up with when start-up fails.
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
};
