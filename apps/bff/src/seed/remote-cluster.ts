// A second cluster to migrate from or to, for `--remote-cluster` and the tests: projects, NADs,
// storage classes and KubeVirt VMs on blank DataVolumes (one running: the embedded cluster's
// workers import its disk and boot it, as CDI and KubeVirt would), and a reader role for the user whose token a remote openshift Provider holds. Written through the Kubernetes
// client into whichever API server the KubeConfig names; what exists already is kept.
import {
  ApiException,
  KubernetesObjectApi,
  RbacAuthorizationV1Api,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  DataVolumeModel,
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  NetworkAttachmentDefinitionModel,
  StorageClassModel,
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineInstancetypeModel,
  VirtualMachineModel,
  apiVersionOf,
  type K8sModel,
} from '@forklift-console/api';

/** The user a remote provider's token belongs to (tokens.csv of the remote cluster). */
export const REMOTE_READER_USER = 'forklift-remote-reader';
export const REMOTE_NAMESPACES = ['vms-prod', 'vms-dev'] as const;

const object = (
  model: K8sModel,
  name: string,
  namespace: string | undefined,
  body: Record<string, unknown> = {},
): KubernetesObject & Record<string, unknown> => ({
  apiVersion: apiVersionOf(model),
  kind: model.kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...body,
});

const nad = (namespace: string, name: string, config: Record<string, unknown>) =>
  object(NetworkAttachmentDefinitionModel, name, namespace, {
    spec: { config: JSON.stringify({ cniVersion: '0.3.1', name, ...config }) },
  });

const vm = (
  namespace: string,
  name: string,
  running: boolean,
  memory: string,
  cpu: Record<string, unknown> = {},
) =>
  object(VirtualMachineModel, name, namespace, {
    spec: {
      runStrategy: running ? 'Always' : 'Halted',
      template: {
        spec: {
          domain: {
            cpu: { cores: 1, ...cpu },
            memory: { guest: memory },
            devices: {
              disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [{ name: 'rootdisk', dataVolume: { name: `${name}-rootdisk` } }],
        },
      },
    },
  });

/** A blank root disk as a DataVolume: CDI makes its PVC. */
const rootDisk = (namespace: string, vmName: string, storageClassName: string) =>
  object(DataVolumeModel, `${vmName}-rootdisk`, namespace, {
    spec: {
      source: { blank: {} },
      storage: { storageClassName, resources: { requests: { storage: '1Gi' } } },
    },
  });

/** In creation order: namespaces before what lives in them. */
export const remoteClusterResources = (): KubernetesObject[] => [
  ...REMOTE_NAMESPACES.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
  object(StorageClassModel, 'remote-ceph-rbd', undefined, {
    metadata: {
      name: 'remote-ceph-rbd',
      annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' },
    },
    provisioner: 'rbd.csi.ceph.com',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  }),
  object(StorageClassModel, 'remote-nfs', undefined, {
    provisioner: 'nfs.csi.k8s.io',
    reclaimPolicy: 'Retain',
    volumeBindingMode: 'Immediate',
  }),
  nad('vms-prod', 'prod-bridge', { type: 'bridge', bridge: 'br-prod' }),
  nad('vms-dev', 'dev-vlan', { type: 'macvlan', master: 'eth1', vlan: 20 }),
  // KubeVirt cannot attach VMs to a layer-3 user-defined network: the inventory leaves it out.
  nad('vms-prod', 'tenant-l3', {
    type: 'ovn-k8s-cni-overlay',
    topology: 'layer3',
    role: 'primary',
    netAttachDefName: 'vms-prod/tenant-l3',
  }),
  object(VirtualMachineClusterInstancetypeModel, 'u1.medium', undefined, {
    spec: { cpu: { guest: 1 }, memory: { guest: '4Gi' } },
  }),
  object(VirtualMachineInstancetypeModel, 'prod-small', 'vms-prod', {
    spec: { cpu: { guest: 1 }, memory: { guest: '2Gi' } },
  }),
  // A database pins its CPUs: the Virtual machines tab shows it as a feature.
  vm('vms-prod', 'database', true, '2Gi', { dedicatedCpuPlacement: true }),
  vm('vms-prod', 'web', false, '1Gi'),
  vm('vms-dev', 'test-vm', false, '1Gi'),
  rootDisk('vms-prod', 'database', 'remote-ceph-rbd'),
  rootDisk('vms-prod', 'web', 'remote-ceph-rbd'),
  rootDisk('vms-dev', 'test-vm', 'remote-nfs'),
];

/** The rights a remote provider's token needs: list and watch what the inventory reads. */
const grantReader = async (kubeConfig: KubeConfig) => {
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  const ignoreExisting = (error: unknown) => {
    if (!(error instanceof ApiException && error.code === 409)) throw error;
  };
  await rbac
    .createClusterRole({
      body: {
        metadata: { name: REMOTE_READER_USER },
        rules: [
          {
            apiGroups: [''],
            resources: ['namespaces', 'persistentvolumeclaims'],
            verbs: ['get', 'list', 'watch'],
          },
          {
            apiGroups: ['storage.k8s.io'],
            resources: ['storageclasses'],
            verbs: ['get', 'list', 'watch'],
          },
          {
            apiGroups: ['k8s.cni.cncf.io'],
            resources: ['network-attachment-definitions'],
            verbs: ['get', 'list', 'watch'],
          },
          {
            apiGroups: ['kubevirt.io', 'cdi.kubevirt.io', 'instancetype.kubevirt.io'],
            resources: ['*'],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      },
    })
    .catch(ignoreExisting);
  await rbac
    .createClusterRoleBinding({
      body: {
        metadata: { name: REMOTE_READER_USER },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: REMOTE_READER_USER,
        },
        subjects: [{ kind: 'User', name: REMOTE_READER_USER }],
      },
    })
    .catch(ignoreExisting);
};

/** Creates what is missing of the remote cluster's sample estate; returns what it created. */
export const seedRemoteCluster = async (kubeConfig: KubeConfig): Promise<string[]> => {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const created: string[] = [];
  for (const resource of remoteClusterResources()) {
    try {
      await client.create(resource);
      created.push(`${resource.kind}/${resource.metadata?.name}`);
    } catch (error) {
      if (!(error instanceof ApiException && error.code === 409)) throw error;
    }
  }
  await grantReader(kubeConfig);
  return created;
};
