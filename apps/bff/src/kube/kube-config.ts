import { KubeConfig } from '@kubernetes/client-node';

/** A KubeConfig that reaches a local API server with no credentials (the embedded one). */
export const kubeConfigForServer = (serverUrl: string): KubeConfig => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'embedded', server: serverUrl, skipTLSVerify: false }],
    users: [{ name: 'local-admin' }],
    contexts: [{ name: 'embedded', cluster: 'embedded', user: 'local-admin' }],
    currentContext: 'embedded',
  });
  return kubeConfig;
};
