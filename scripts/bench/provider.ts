// A vSphere Provider pointing at vcsim, created the way a user's form does it: a namespace, a
// Secret with the credentials (Forklift's keys: user, password, insecureSkipVerify) and the
// Provider referring to it.
import {
  ApiException,
  KubernetesObjectApi,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { Vcsim } from '../vcsim.ts';

export type ProviderObject = KubernetesObject & {
  metadata: { uid: string; name: string; namespace: string };
};

const createUnlessExists = async (client: KubernetesObjectApi, object: KubernetesObject) => {
  try {
    await client.create(object);
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 409)) throw error;
  }
};

export const createVsphereProvider = async (
  kubeConfig: KubeConfig,
  vcsim: Pick<Vcsim, 'sdkUrl' | 'username' | 'password'>,
  { namespace, name }: { namespace: string; name: string },
): Promise<ProviderObject> => {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  await createUnlessExists(client, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  await client.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `${name}-credentials`, namespace },
    type: 'Opaque',
    stringData: { user: vcsim.username, password: vcsim.password, insecureSkipVerify: 'true' },
  } as KubernetesObject);
  return (await client.create({
    apiVersion: 'forklift.konveyor.io/v1beta1',
    kind: 'Provider',
    metadata: { name, namespace },
    spec: {
      type: 'vsphere',
      url: vcsim.sdkUrl,
      secret: { name: `${name}-credentials`, namespace },
      settings: { sdkEndpoint: 'vcenter' },
    },
  } as KubernetesObject)) as ProviderObject;
};
