// `--remote-cluster`: a second cluster to try openshift-to-openshift migration and the remote
// provider pages on one machine. Starts another embedded API server (its state under
// <data dir>/remote-cluster, like the first one's), seeds it with the remote sample estate on its
// first start, and points the Provider `remote` in the demo project at it with a reader's token
// and the CA its certificate chains to.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { readConfig } from '../config.ts';
import { connectToKubernetes } from '../kube/connection.ts';
import type { Logger } from '../logging.ts';
import { REMOTE_READER_USER, seedRemoteCluster } from './remote-cluster.ts';
import { ensureSampleProvider } from './sample-provider.ts';

export const REMOTE_PROVIDER = 'remote';

/** The reader's token, made on the first start and kept in the remote cluster's tokens.csv. */
const readerToken = async (dataDir: string): Promise<string> => {
  const file = path.join(dataDir, 'tokens.csv');
  const existing = existsSync(file)
    ? (await readFile(file, 'utf8'))
        .split('\n')
        .map((line) => line.split(','))
        .find(([, user]) => user === REMOTE_READER_USER)?.[0]
    : undefined;
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  await writeFile(file, `${token},${REMOTE_READER_USER},${REMOTE_READER_USER}\n`, { mode: 0o600 });
  return token;
};

export const startSampleRemoteCluster = async (
  hostKubeConfig: KubeConfig,
  hostDataDir: string,
  logger: Logger,
) => {
  const dataDir = path.join(hostDataDir, 'remote-cluster');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const token = await readerToken(dataDir);
  const remote = await connectToKubernetes(
    readConfig(['--data-dir', dataDir], {}, '/'),
    logger.child({ component: 'remote-cluster-api' }),
  );
  try {
    const marker = path.join(dataDir, 'seeded');
    // Seeded once, so that what a user deletes there stays deleted.
    if (!existsSync(marker)) {
      const created = await seedRemoteCluster(remote.kubeConfig);
      await writeFile(marker, `${new Date().toISOString()}\n`);
      logger.info({ created }, 'seeded the remote cluster');
    }
    const caData = remote.kubeConfig.getCurrentCluster()?.caData ?? '';
    await ensureSampleProvider(hostKubeConfig, {
      name: REMOTE_PROVIDER,
      type: 'openshift',
      url: remote.serverUrl,
      secretName: 'remote-credentials',
      secretData: {
        token,
        insecureSkipVerify: 'false',
        cacert: Buffer.from(caData, 'base64').toString('utf8'),
      },
    });
  } catch (error) {
    await remote.close();
    throw error;
  }
  logger.info({ url: remote.serverUrl }, 'remote cluster started for the remote provider');
  return { url: remote.serverUrl, kubeconfigPath: remote.kubeconfigPath, stop: remote.close };
};
