// `--vcsim`: a vCenter to try the console against on one machine. Starts vcsim (govmomi's vSphere
// API simulator, built from the Go module tools/ by scripts/vcsim.ts) over HTTPS and points the
// Provider `vcsim` in the demo project at it, trusting the certificate it presents now. vcsim
// makes a new certificate and port on every start, so the Secret and URL are refreshed each time.
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Secret,
} from '@kubernetes/client-node';
import { ProviderModel, apiVersionOf, type Provider } from '@forklift-console/api';
import type { Logger } from '../logging.ts';
import { readCertificateChain } from '../providers/certificate-routes.ts';
import { DEMO_NAMESPACE } from './sample-resources.ts';

export const VCSIM_PROVIDER = 'vcsim';
const SECRET_NAME = 'vcsim-credentials';

const isNotFound = (error: unknown) => error instanceof ApiException && error.code === 404;

export const startSampleVcsim = async (kubeConfig: KubeConfig, logger: Logger) => {
  // Imported only when asked for: the container image ships no Go toolchain and no scripts/.
  const { startVcsim } = await import('../../../../scripts/vcsim.ts');
  const vcsim = await startVcsim({}, undefined, { tls: true });
  const url = new URL(vcsim.sdkUrl);
  const chain = await readCertificateChain(url.hostname, Number(url.port));
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const { group, version, plural } = ProviderModel;
  const namespace = DEMO_NAMESPACE;
  // The demo project exists unless the user started without the sample resources.
  await core.readNamespace({ name: namespace }).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
    return core.createNamespace({ body: { metadata: { name: namespace } } });
  });

  const provider = await custom
    .getNamespacedCustomObject({ group, version, plural, namespace, name: VCSIM_PROVIDER })
    .then(
      (found) => found as Provider,
      (error: unknown) => {
        if (!isNotFound(error)) throw error;
        return custom.createNamespacedCustomObject({
          group,
          version,
          plural,
          namespace,
          body: {
            apiVersion: apiVersionOf(ProviderModel),
            kind: ProviderModel.kind,
            metadata: { name: VCSIM_PROVIDER, namespace },
            spec: {
              type: 'vsphere',
              url: vcsim.sdkUrl,
              secret: { name: SECRET_NAME, namespace },
              settings: { sdkEndpoint: 'vcenter' },
            },
          },
        }) as Promise<Provider>;
      },
    );
  await custom.patchNamespacedCustomObject({
    group,
    version,
    plural,
    namespace,
    name: VCSIM_PROVIDER,
    body: [
      { op: 'add', path: '/spec/url', value: vcsim.sdkUrl },
      { op: 'add', path: '/spec/secret', value: { name: SECRET_NAME, namespace } },
    ],
  });

  const secret: V1Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: SECRET_NAME,
      namespace,
      labels: { createdForProviderType: 'vsphere', createdForResourceType: 'providers' },
      ownerReferences: [
        {
          apiVersion: apiVersionOf(ProviderModel),
          kind: ProviderModel.kind,
          name: VCSIM_PROVIDER,
          uid: provider.metadata?.uid ?? '',
        },
      ],
    },
    type: 'Opaque',
    stringData: {
      user: vcsim.username,
      password: vcsim.password,
      insecureSkipVerify: 'false',
      // The top of the chain: vcsim's certificate is self-signed, so it is its own CA.
      cacert: chain.at(-1)?.pem ?? '',
    },
  };
  await core.readNamespacedSecret({ name: SECRET_NAME, namespace }).then(
    () => core.replaceNamespacedSecret({ name: SECRET_NAME, namespace, body: secret }),
    (error: unknown) => {
      if (!isNotFound(error)) throw error;
      return core.createNamespacedSecret({ namespace, body: secret });
    },
  );
  logger.info({ url: vcsim.sdkUrl }, 'vcsim started for the vcsim provider');
  return vcsim;
};
