// What a first standalone start creates, so that a newcomer sees a working estate at once.
import {
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  FORKLIFT_API_VERSION,
  ForkliftControllerModel,
  NetworkAttachmentDefinitionModel,
  ProviderModel,
  StorageClassModel,
  apiVersionOf,
} from '@forklift-console/api';
import type { KubernetesObject } from '@kubernetes/client-node';

export const MTV_NAMESPACE = 'openshift-mtv';
export const DEMO_NAMESPACE = 'demo';

const namespace = (name: string): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});

const storageClass = (
  name: string,
  provisioner: string,
  isDefault: boolean,
): KubernetesObject & Record<string, unknown> => ({
  apiVersion: apiVersionOf(StorageClassModel),
  kind: StorageClassModel.kind,
  metadata: {
    name,
    ...(isDefault ? { annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' } } : {}),
  },
  provisioner,
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
});

const networkAttachmentDefinition = (
  name: string,
  cniConfig: Record<string, unknown>,
): KubernetesObject & Record<string, unknown> => ({
  apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
  kind: NetworkAttachmentDefinitionModel.kind,
  metadata: { name, namespace: DEMO_NAMESPACE },
  spec: { config: JSON.stringify({ cniVersion: '0.3.1', name, ...cniConfig }) },
});

/** In creation order: namespaces before what lives in them. */
export const sampleResources = (): KubernetesObject[] => [
  namespace(MTV_NAMESPACE),
  namespace(DEMO_NAMESPACE),
  {
    apiVersion: FORKLIFT_API_VERSION,
    kind: ForkliftControllerModel.kind,
    metadata: { name: 'forklift-controller', namespace: MTV_NAMESPACE },
    // The defaults an operator installation starts with; feature gates are strings.
    spec: {
      feature_ui_plugin: 'true',
      feature_validation: 'true',
      feature_volume_populator: 'true',
    },
  } as KubernetesObject,
  {
    apiVersion: FORKLIFT_API_VERSION,
    kind: ProviderModel.kind,
    metadata: { name: 'host', namespace: MTV_NAMESPACE },
    // An openshift provider with no URL and an empty secret reference is the cluster the console
    // runs on; the CRD requires the secret field to be present.
    spec: { type: 'openshift', url: '', secret: {} },
  } as KubernetesObject,
  storageClass('hostpath-csi', 'kubevirt.io.hostpath-provisioner', true),
  storageClass('nfs-csi', 'nfs.csi.k8s.io', false),
  networkAttachmentDefinition('vm-bridge', { type: 'bridge', bridge: 'br1' }),
  networkAttachmentDefinition('migration-net', {
    type: 'macvlan',
    master: 'eth1',
    ipam: { type: 'whereabouts', range: '192.0.2.0/24' },
  }),
];
