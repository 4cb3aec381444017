// For the tests of this folder: an embedded API server on a fresh data directory, with clients as
// its administrator (client-node, and raw HTTPS for what client-node hides) and a way to restart
// it on the same data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { kubeConfigForEmbeddedServer } from '../kube-config.ts';
import type { TlsClient } from '../test-support/https-request.ts';
import { startEmbeddedApiServer, type EmbeddedApiServer } from './index.ts';

export type TestServer = {
  dataDir: string;
  server: EmbeddedApiServer;
  admin: KubeConfig;
  core: CoreV1Api;
  custom: CustomObjectsApi;
  /** The CA and the administrator's client certificate. */
  asAdmin: TlsClient;
  /** The CA only: a token, or no credentials at all. */
  withoutCertificate: TlsClient;
  /** Stops the server and starts it again on the same data directory, doing `whileStopped` between. */
  restart(whileStopped?: () => void): Promise<TestServer>;
  close(): Promise<void>;
};

const start = async (dataDir: string): Promise<TestServer> => {
  const server = await startEmbeddedApiServer({ dataDir });
  const admin = kubeConfigForEmbeddedServer(server);
  return {
    dataDir,
    server,
    admin,
    core: admin.makeApiClient(CoreV1Api),
    custom: admin.makeApiClient(CustomObjectsApi),
    asAdmin: {
      ca: server.caCertificate,
      certificate: server.adminCredential.certificate,
      key: server.adminCredential.key,
    },
    withoutCertificate: { ca: server.caCertificate },
    restart: async (whileStopped) => {
      await server.close();
      whileStopped?.();
      return start(dataDir);
    },
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

export const startTestServer = async (prefix: string): Promise<TestServer> =>
  start(await mkdtemp(path.join(os.tmpdir(), prefix)));
