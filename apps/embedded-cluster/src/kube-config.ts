import type { KubeConfig } from '@kubernetes/client-node';
import { PooledKubeConfig } from '@forklift-console/controller-runtime';

/** How the BFF reaches the embedded API server as its administrator. */
export type EmbeddedServerAccess = {
  url: string;
  /** PEM of the CA the server's certificate must chain to. */
  caCertificate: string;
  /** The administrator's client certificate and key, PEM. */
  adminCredential: { certificate: string; key: string };
};

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A KubeConfig for the embedded API server: its CA verified, its administrator's certificate. */
export const kubeConfigForEmbeddedServer = ({
  url,
  caCertificate,
  adminCredential,
}: EmbeddedServerAccess): KubeConfig => {
  const kubeConfig = new PooledKubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'embedded', server: url, caData: base64(caCertificate) }],
    users: [
      {
        name: 'embedded-admin',
        certData: base64(adminCredential.certificate),
        keyData: base64(adminCredential.key),
      },
    ],
    contexts: [{ name: 'embedded', cluster: 'embedded', user: 'embedded-admin' }],
    currentContext: 'embedded',
  });
  return kubeConfig;
};
