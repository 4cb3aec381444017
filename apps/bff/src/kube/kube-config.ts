import { KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig that reaches a local API server with no credentials (the embedded one). */
export const kubeConfigForServer = (serverUrl: string): KubeConfig => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    // client-node refuses plain http unless TLS verification is off; the embedded server listens
    // on plain http (loopback by default), so there is no certificate to verify.
    clusters: [{ name: 'embedded', server: serverUrl, skipTLSVerify: true }],
    users: [{ name: 'local-admin' }],
    contexts: [{ name: 'embedded', cluster: 'embedded', user: 'local-admin' }],
    currentContext: 'embedded',
  });
  return kubeConfig;
};
