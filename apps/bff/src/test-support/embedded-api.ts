// For tests: the BFF's own embedded Kubernetes API on a fresh data directory, as `npm start`
// would connect to it, and a way to throw both away afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { connectToKubernetes, type KubeConnection } from '../kube/connection.ts';
import { createLogger, type Logger } from '../logging.ts';

export type TestApi = { connection: KubeConnection; dataDir: string; close(): Promise<void> };

export const startTestApi = async (
  prefix: string,
  logger: Logger = createLogger('silent'),
): Promise<TestApi> => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const connection = await connectToKubernetes(
    readConfig(['--data-dir', dataDir], {}, '/'),
    logger,
  );
  return {
    connection,
    dataDir,
    async close() {
      await connection.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
