// The embedded Kubernetes-compatible API server, used when no cluster is configured. The BFF
// reaches it only through @kubernetes/client-node, exactly as it reaches a real cluster.
import type { AddressInfo } from 'node:net';
import { BUILT_IN_KINDS, createKindRegistry, loadCrdKinds } from './kinds.ts';
import { Store } from './store.ts';
import { createAuthenticator } from './authentication.ts';
import { ResourceService } from './resources.ts';
import { createApiHandler, createHttpServer, type ServerLogger } from './server.ts';

export type EmbeddedApiServerOptions = {
  dataDir: string;
  host?: string;
  port?: number;
  logger?: ServerLogger;
  /** How many recent changes a watch can resume from before it gets 410 Gone. */
  historyLimit?: number;
};

export type EmbeddedApiServer = { url: string; close(): Promise<void> };

export const startEmbeddedApiServer = async ({
  dataDir,
  host = '127.0.0.1',
  port = 0,
  logger,
  historyLimit,
}: EmbeddedApiServerOptions): Promise<EmbeddedApiServer> => {
  const kinds = createKindRegistry([...BUILT_IN_KINDS, ...loadCrdKinds()]);
  const store = new Store(dataDir, historyLimit);
  const resources = new ResourceService(store, kinds);
  let url = '';
  const server = createHttpServer(
    createApiHandler({
      authenticate: createAuthenticator(dataDir),
      kinds,
      store,
      resources,
      logger,
      serverAddress: () => url.replace(/^https?:\/\//, ''),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
};
