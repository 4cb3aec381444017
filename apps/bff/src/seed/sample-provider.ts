// A Provider in the demo project that points at a simulator started beside the app (`--vcsim`,
// `--remote-cluster`), with the Secret that holds its credentials. Simulators get a new port (and
// vcsim a new certificate) on every start, so an existing Provider's URL and Secret are refreshed.
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Secret,
} from '@kubernetes/client-node';
import { ProviderModel, apiVersionOf, type Provider } from '@forklift-console/api';
import { DEMO_NAMESPACE } from './sample-resources.ts';

export type SampleProvider = {
  name: string;
  type: string;
  url: string;
  secretName: string;
  /** The Secret's values, credentials included. */
  secretData: Record<string, string>;
  settings?: Record<string, string>;
};

const isNotFound = (error: unknown) => error instanceof ApiException && error.code === 404;

export const ensureSampleProvider = async (
  kubeConfig: KubeConfig,
  { name, type, url, secretName, secretData, settings }: SampleProvider,
): Promise<Provider> => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const { group, version, plural } = ProviderModel;
  const namespace = DEMO_NAMESPACE;
  const secretRef = { name: secretName, namespace };
  // The demo project exists unless the user started without the sample resources.
  await core.readNamespace({ name: namespace }).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
    return core.createNamespace({ body: { metadata: { name: namespace } } });
  });

  const provider = await custom
    .getNamespacedCustomObject({ group, version, plural, namespace, name })
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
            metadata: { name, namespace },
            spec: { type, url, secret: secretRef, ...(settings ? { settings } : {}) },
          },
        }) as Promise<Provider>;
      },
    );
  await custom.patchNamespacedCustomObject({
    group,
    version,
    plural,
    namespace,
    name,
    body: [
      { op: 'add', path: '/spec/url', value: url },
      { op: 'add', path: '/spec/secret', value: secretRef },
    ],
  });

  const secret: V1Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      ...secretRef,
      labels: { createdForProviderType: type, createdForResourceType: 'providers' },
      ownerReferences: [
        {
          apiVersion: apiVersionOf(ProviderModel),
          kind: ProviderModel.kind,
          name,
          uid: provider.metadata?.uid ?? '',
        },
      ],
    },
    type: 'Opaque',
    stringData: secretData,
  };
  await core.readNamespacedSecret(secretRef).then(
    () => core.replaceNamespacedSecret({ ...secretRef, body: secret }),
    (error: unknown) => {
      if (!isNotFound(error)) throw error;
      return core.createNamespacedSecret({ namespace, body: secret });
    },
  );
  return provider;
};
