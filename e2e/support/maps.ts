// For the map stories: a project with a vSphere provider on the worker's vcsim, made through the
// API the way an administrator who has already connected their vCenter would have it.
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, ProviderModel } from '@forklift-console/api';
import type { Vcsim } from '../../scripts/vcsim.ts';
import { adminKubeConfig, type StandaloneApp } from '../fixtures.ts';

export const createProjectWithVcenter = async (
  app: StandaloneApp,
  vcsim: Vcsim,
  project: string,
  name: string,
): Promise<void> => {
  await adminKubeConfig(app)
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: project } } });
  await createVcenterProvider(app, vcsim, project, name);
};

/** A vSphere provider on the worker's vcsim, with its credentials, in a project that exists. */
export const createVcenterProvider = async (
  app: StandaloneApp,
  vcsim: Vcsim,
  project: string,
  name: string,
): Promise<void> => {
  const kubeConfig = adminKubeConfig(app);
  await kubeConfig.makeApiClient(CoreV1Api).createNamespacedSecret({
    namespace: project,
    body: {
      metadata: { name: `${name}-credentials` },
      stringData: { user: vcsim.username, password: vcsim.password, insecureSkipVerify: 'true' },
    },
  });
  await kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    ...ProviderModel,
    namespace: project,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name, namespace: project },
      spec: {
        type: 'vsphere',
        url: vcsim.sdkUrl,
        secret: { name: `${name}-credentials`, namespace: project },
        settings: { sdkEndpoint: 'vcenter' },
      },
    },
  });
};
