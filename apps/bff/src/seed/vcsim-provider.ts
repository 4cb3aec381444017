// `--vcsim`: a vCenter to try the console against on one machine. Starts vcsim (govmomi's vSphere
// API simulator, built from the Go module tools/ by scripts/vcsim.ts) over HTTPS and points the
// Provider `vcsim` in the demo project at it, trusting the certificate it presents now. vcsim
// makes a new certificate and port on every start, so the Secret and URL are refreshed each time.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../logging.ts';
import { readCertificateChain } from '../providers/certificate-routes.ts';
import { ensureSampleProvider } from './sample-provider.ts';

export const VCSIM_PROVIDER = 'vcsim';

export const startSampleVcsim = async (kubeConfig: KubeConfig, logger: Logger) => {
  // Imported only when asked for: the container image ships no Go toolchain and no scripts/.
  const { startVcsim } = await import('../../../../scripts/vcsim.ts');
  const vcsim = await startVcsim({}, undefined, { tls: true });
  const url = new URL(vcsim.sdkUrl);
  const chain = await readCertificateChain(url.hostname, Number(url.port));
  await ensureSampleProvider(kubeConfig, {
    name: VCSIM_PROVIDER,
    type: 'vsphere',
    url: vcsim.sdkUrl,
    secretName: 'vcsim-credentials',
    settings: { sdkEndpoint: 'vcenter' },
    secretData: {
      user: vcsim.username,
      password: vcsim.password,
      insecureSkipVerify: 'false',
      // The top of the chain: vcsim's certificate is self-signed, so it is its own CA.
      cacert: chain.at(-1)?.pem ?? '',
    },
  });
  logger.info({ url: vcsim.sdkUrl }, 'vcsim started for the vcsim provider');
  return vcsim;
};
