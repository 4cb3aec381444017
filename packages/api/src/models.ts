// Group/version/kind of every resource the console and the BFF touch, in one table so that the
// UI, the BFF routes and the embedded API server agree on plurals and scope.

export type K8sModel = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
};

export const FORKLIFT_GROUP = 'forklift.konveyor.io';
export const FORKLIFT_VERSION = 'v1beta1';
export const FORKLIFT_API_VERSION = `${FORKLIFT_GROUP}/${FORKLIFT_VERSION}`;

const forklift = (kind: string, plural: string): K8sModel => ({
  group: FORKLIFT_GROUP,
  version: FORKLIFT_VERSION,
  kind,
  plural,
  namespaced: true,
});

export const ProviderModel = forklift('Provider', 'providers');
export const PlanModel = forklift('Plan', 'plans');
export const MigrationModel = forklift('Migration', 'migrations');
export const NetworkMapModel = forklift('NetworkMap', 'networkmaps');
export const StorageMapModel = forklift('StorageMap', 'storagemaps');
export const HostModel = forklift('Host', 'hosts');
export const HookModel = forklift('Hook', 'hooks');
export const ForkliftControllerModel = forklift('ForkliftController', 'forkliftcontrollers');

export const NamespaceModel: K8sModel = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
};
export const SecretModel: K8sModel = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
};
export const ConfigMapModel: K8sModel = { ...SecretModel, kind: 'ConfigMap', plural: 'configmaps' };
export const PersistentVolumeClaimModel: K8sModel = {
  ...SecretModel,
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
};
export const PersistentVolumeModel: K8sModel = {
  ...SecretModel,
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  namespaced: false,
};
export const PodModel: K8sModel = { ...SecretModel, kind: 'Pod', plural: 'pods' };
export const EventModel: K8sModel = { ...SecretModel, kind: 'Event', plural: 'events' };
export const JobModel: K8sModel = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
};
export const StorageClassModel: K8sModel = {
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  namespaced: false,
};
export const NetworkAttachmentDefinitionModel: K8sModel = {
  group: 'k8s.cni.cncf.io',
  version: 'v1',
  kind: 'NetworkAttachmentDefinition',
  plural: 'network-attachment-definitions',
  namespaced: true,
};
export const VirtualMachineModel: K8sModel = {
  group: 'kubevirt.io',
  version: 'v1',
  kind: 'VirtualMachine',
  plural: 'virtualmachines',
  namespaced: true,
};
export const VirtualMachineInstanceModel: K8sModel = {
  ...VirtualMachineModel,
  kind: 'VirtualMachineInstance',
  plural: 'virtualmachineinstances',
};
export const VirtualMachineInstancetypeModel: K8sModel = {
  group: 'instancetype.kubevirt.io',
  version: 'v1beta1',
  kind: 'VirtualMachineInstancetype',
  plural: 'virtualmachineinstancetypes',
  namespaced: true,
};
export const VirtualMachineClusterInstancetypeModel: K8sModel = {
  ...VirtualMachineInstancetypeModel,
  kind: 'VirtualMachineClusterInstancetype',
  plural: 'virtualmachineclusterinstancetypes',
  namespaced: false,
};
export const DataVolumeModel: K8sModel = {
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'DataVolume',
  plural: 'datavolumes',
  namespaced: true,
};

/** CDI's cluster configuration; its `config` object's status names the upload proxy. */
export const CDIConfigModel: K8sModel = {
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'CDIConfig',
  plural: 'cdiconfigs',
  namespaced: false,
};

/** Create-only: the answer's `status.token` lets its bearer upload into `spec.pvcName`. */
export const UploadTokenRequestModel: K8sModel = {
  group: 'upload.cdi.kubevirt.io',
  version: 'v1beta1',
  kind: 'UploadTokenRequest',
  plural: 'uploadtokenrequests',
  namespaced: true,
};

/** The Forklift kinds the console lists; Secrets are deliberately absent. */
export const FORKLIFT_MODELS = [
  ProviderModel,
  PlanModel,
  MigrationModel,
  NetworkMapModel,
  StorageMapModel,
  HostModel,
  HookModel,
  ForkliftControllerModel,
] as const;

export const apiVersionOf = (model: K8sModel): string =>
  model.group ? `${model.group}/${model.version}` : model.version;

/** The console's reference form `group~version~Kind`, used in resource page URLs. */
export const referenceFor = (model: Pick<K8sModel, 'group' | 'version' | 'kind'>): string =>
  `${model.group || 'core'}~${model.version}~${model.kind}`;
