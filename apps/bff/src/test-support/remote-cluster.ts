// For tests: a second cluster beside the BFF's own, as a remote openshift Provider sees it: a
// fresh embedded API server seeded with the remote sample estate (seed/remote-cluster.ts) and a
// token whose user may read it.
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import {
  apiVersionOf,
  DataVolumeModel,
  FORKLIFT_API_VERSION,
  ProviderModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
  type Provider,
} from '@forklift-console/api';
import { REMOTE_READER_USER, seedRemoteCluster } from '../seed/remote-cluster.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { startTestApi, type TestApi } from './embedded-api.ts';

export const REMOTE_TOKEN = 'remote-reader-token';

export type RemoteTestCluster = {
  api: TestApi;
  url: string;
  /** PEM of the CA its serving certificate chains to. */
  cacert: string;
  token: string;
  close(): Promise<void>;
};

/**
 * The BFF's tests run the API without the cluster's workers, so this writes what CDI and KubeVirt
 * would have made of the seeded estate: each DataVolume's PVC and Succeeded phase, and the running
 * VM's instance with the statuses KubeVirt reports.
 */
const arrangeWorkersOutcome = async (kubeConfig: KubeConfig) => {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const status = (model: K8sModel, namespace: string, name: string, value: object) =>
    custom.patchNamespacedCustomObjectStatus(
      { ...model, namespace, name, body: { status: value } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  const dataVolumes = (await custom.listClusterCustomObject({ ...DataVolumeModel })) as {
    items: {
      metadata?: { name?: string; namespace?: string };
      spec?: { storage?: { storageClassName?: string } };
    }[];
  };
  for (const dataVolume of dataVolumes.items) {
    const { name = '', namespace = '' } = dataVolume.metadata ?? {};
    await core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: {
        metadata: { name },
        spec: {
          storageClassName: dataVolume.spec?.storage?.storageClassName,
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
    });
    await status(DataVolumeModel, namespace, name, { phase: 'Succeeded', progress: '100.0%' });
  }
  await custom.createNamespacedCustomObject({
    ...VirtualMachineInstanceModel,
    namespace: 'vms-prod',
    body: {
      apiVersion: apiVersionOf(VirtualMachineInstanceModel),
      kind: VirtualMachineInstanceModel.kind,
      metadata: { name: 'database' },
      spec: { domain: { cpu: { cores: 1 }, memory: { guest: '2Gi' }, devices: {} } },
    },
  });
  await status(VirtualMachineModel, 'vms-prod', 'database', {
    printableStatus: 'Running',
    ready: true,
    created: true,
  });
  await status(VirtualMachineInstanceModel, 'vms-prod', 'database', {
    phase: 'Running',
    nodeName: 'remote-node-1',
    interfaces: [{ name: 'default', ipAddress: '10.128.0.42', mac: '02:00:00:00:00:01' }],
  });
  await status(VirtualMachineModel, 'vms-prod', 'web', { printableStatus: 'Stopped' });
  await status(VirtualMachineModel, 'vms-dev', 'test-vm', { printableStatus: 'Stopped' });
};

export const startRemoteCluster = async (prefix: string): Promise<RemoteTestCluster> => {
  const api = await startTestApi(prefix, {
    tokens: [{ token: REMOTE_TOKEN, user: REMOTE_READER_USER }],
  });
  await seedRemoteCluster(api.connection.kubeConfig);
  await arrangeWorkersOutcome(api.connection.kubeConfig);
  const cluster = api.connection.kubeConfig.getCurrentCluster()!;
  return {
    api,
    url: cluster.server,
    cacert: Buffer.from(cluster.caData ?? '', 'base64').toString('utf8'),
    token: REMOTE_TOKEN,
    close: () => api.close(),
  };
};

/** An openshift Provider for `remote` in the host cluster, with its Secret as the create route makes it. */
export const createRemoteProvider = async (
  host: Pick<KubeConnection, 'kubeConfig'>,
  namespace: string,
  name: string,
  remote: Pick<RemoteTestCluster, 'url' | 'cacert'>,
  secretData: Record<string, string>,
): Promise<Provider> => {
  const custom = host.kubeConfig.makeApiClient(CustomObjectsApi);
  const core = host.kubeConfig.makeApiClient(CoreV1Api);
  const { group, version, plural } = ProviderModel;
  const provider = (await custom.createNamespacedCustomObject({
    group,
    version,
    plural,
    namespace,
    body: {
      apiVersion: FORKLIFT_API_VERSION,
      kind: ProviderModel.kind,
      metadata: { name, namespace },
      spec: { type: 'openshift', url: remote.url, secret: { name: `${name}-secret`, namespace } },
    },
  })) as Provider;
  await core.createNamespacedSecret({
    namespace,
    body: {
      metadata: {
        name: `${name}-secret`,
        labels: { createdForResourceType: 'providers', createdForProviderType: 'openshift' },
        ownerReferences: [
          {
            apiVersion: FORKLIFT_API_VERSION,
            kind: ProviderModel.kind,
            name,
            uid: provider.metadata?.uid ?? '',
          },
        ],
      },
      stringData: { cacert: remote.cacert, insecureSkipVerify: 'false', ...secretData },
    },
  });
  return provider;
};
