// `--vcsim`: a vCenter to try the console against on one machine. Starts vcsim (govmomi's vSphere
// API simulator, built from the Go module tools/ by scripts/vcsim.ts) over HTTPS and points the
// Provider `vcsim` in the demo project at it, trusting the certificate it presents now. vcsim
// makes a new certificate and port on every start, so the Secret and URL are refreshed each time.
// When `npm run sample-guest` has built the sample guest, one VM's disk is that real Debian guest.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../logging.ts';
import { readCertificateChain } from '../providers/certificate-routes.ts';
import { ensureSampleProvider } from './sample-provider.ts';

export const VCSIM_PROVIDER = 'vcsim';
/** The vcsim VM whose disk is the sample guest when `npm run sample-guest` has built it. */
export const SAMPLE_GUEST_VCSIM_VM = 'DC0_H0_VM0';

export const startSampleVcsim = async (kubeConfig: KubeConfig, logger: Logger) => {
  // Imported only when asked for: the container image ships no Go toolchain and no scripts/.
  const { startVcsim } = await import('../../../../scripts/vcsim.ts');
  const { cachedSampleGuest } = await import('../../../../scripts/sample-guest/sample-guest.ts');
  const sampleGuest = cachedSampleGuest('full');
  const vcsim = await startVcsim({}, undefined, {
    tls: true,
    diskImages: sampleGuest ? { [SAMPLE_GUEST_VCSIM_VM]: sampleGuest.rawDisk } : {},
  });
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
  logger.info(
    { url: vcsim.sdkUrl, sampleGuest: sampleGuest ? SAMPLE_GUEST_VCSIM_VM : undefined },
    'vcsim started for the vcsim provider',
  );
  return vcsim;
};
