// The embedded Kubernetes-compatible API server, used when no cluster is configured. The BFF
// reaches it only through @kubernetes/client-node, exactly as it reaches a real cluster: over
// HTTPS, verifying the server against the CA made here, as the administrator of
// DATA_DIR/kubeconfig.
import type { AddressInfo } from 'node:net';
import { BUILT_IN_KINDS, createKindRegistry, loadCrdKinds } from './kinds.ts';
import { Store } from './store.ts';
import { createAuthenticator } from './authentication.ts';
import { ResourceService } from './resources.ts';
import { createApiHandler, createHttpsServer, type ServerLogger } from './server.ts';
import { ensureCertificates, type CertifiedKey } from './certificates.ts';
import { ensureBootstrapPolicy } from './bootstrap-policy.ts';
import { writeAdminKubeconfig } from './admin-kubeconfig.ts';
import { uploadTokenKey } from './upload-tokens.ts';

export type EmbeddedApiServerOptions = {
  dataDir: string;
  host?: string;
  port?: number;
  logger?: ServerLogger;
  /** How many recent changes a watch can resume from before it gets 410 Gone. */
  historyLimit?: number;
};

export type EmbeddedApiServer = {
  /** `https://<host>:<port>`. */
  url: string;
  /** PEM of the CA that signed the serving certificate: clients verify the server with it. */
  caCertificate: string;
  /** The administrator's client certificate and key (PEM): CN=kubernetes-admin, O=system:masters. */
  adminCredential: CertifiedKey;
  /** DATA_DIR/kubeconfig (0600): the same server, CA and credential, for kubectl. */
  kubeconfigPath: string;
  /**
   * The serving certificate and key (loopback names, signed by the CA): the cluster's other
   * HTTPS endpoint, the CDI upload proxy, serves with it so clients trust it by the same CA.
   */
  servingCredential: CertifiedKey;
  close(): Promise<void>;
};

export const startEmbeddedApiServer = async ({
  dataDir,
  host = '127.0.0.1',
  port = 0,
  logger,
  historyLimit,
}: EmbeddedApiServerOptions): Promise<EmbeddedApiServer> => {
  const kinds = createKindRegistry([...BUILT_IN_KINDS, ...loadCrdKinds()]);
  const certificates = ensureCertificates(dataDir);
  const store = new Store(dataDir, historyLimit);
  const resources = new ResourceService(store, kinds);
  ensureBootstrapPolicy(kinds, store, resources);
  resources.resumeNamespaceTermination();
  let url = '';
  const server = createHttpsServer(
    createApiHandler({
      authenticate: createAuthenticator(dataDir),
      kinds,
      store,
      resources,
      logger,
      dataDir,
      serverAddress: () => url.replace(/^https?:\/\//, ''),
      uploadTokenKey: uploadTokenKey(dataDir),
    }),
    { serving: certificates.serving, caCertificate: certificates.ca.certificate },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  url = `https://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const kubeconfigPath = writeAdminKubeconfig(dataDir, {
    url,
    caCertificate: certificates.ca.certificate,
    admin: certificates.admin,
  });
  return {
    url,
    caCertificate: certificates.ca.certificate,
    adminCredential: certificates.admin,
    kubeconfigPath,
    servingCredential: certificates.serving,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
};
