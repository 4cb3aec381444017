// The kinds the OpenShift inventory watches on its cluster, each with how to list it through the
// Kubernetes client. Typed lists (core and storage kinds) come back as client-node's model objects;
// they are turned back into the JSON the API server sent, so that listed and watched objects look
// alike.
import {
  CoreV1Api,
  CustomObjectsApi,
  StorageV1Api,
  type KubeConfig,
} from '@kubernetes/client-node';
import {
  DataVolumeModel,
  NamespaceModel,
  NetworkAttachmentDefinitionModel,
  PersistentVolumeClaimModel,
  StorageClassModel,
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineInstanceModel,
  VirtualMachineInstancetypeModel,
  VirtualMachineModel,
  type K8sModel,
  type OpenshiftInventoryCollection,
} from '@forklift-console/api';

export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    uid?: string;
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
};

export type KubeList = { metadata?: { resourceVersion?: string }; items: KubeObject[] };

/** What is watched: the served collections, and the VMIs that are attached to their VMs. */
export type WatchedKind = OpenshiftInventoryCollection | 'virtualmachineinstances';

export const WATCHED_MODELS: Record<WatchedKind, K8sModel> = {
  namespaces: NamespaceModel,
  storageclasses: StorageClassModel,
  networkattachmentdefinitions: NetworkAttachmentDefinitionModel,
  vms: VirtualMachineModel,
  virtualmachineinstances: VirtualMachineInstanceModel,
  datavolumes: DataVolumeModel,
  persistentvolumeclaims: PersistentVolumeClaimModel,
  instancetypes: VirtualMachineInstancetypeModel,
  clusterinstancetypes: VirtualMachineClusterInstancetypeModel,
};

/** The cluster-wide collection path, as the watch requests it. */
export const watchPathOf = ({ group, version, plural }: K8sModel): string =>
  group ? `/apis/${group}/${version}/${plural}` : `/api/${version}/${plural}`;

// client-node turns timestamps into Dates, whose JSON has milliseconds the API server never sends.
const toWire = <T>(value: T): T =>
  JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, json: unknown) {
      const raw = this[key];
      return raw instanceof Date ? raw.toISOString().replace(/\.000Z$/, 'Z') : json;
    }),
  ) as T;

/** Lists one kind across the cluster with the KubeConfig's credentials. */
export const listerOf = (kubeConfig: KubeConfig, kind: WatchedKind): (() => Promise<KubeList>) => {
  const model = WATCHED_MODELS[kind];
  switch (kind) {
    case 'namespaces': {
      const core = kubeConfig.makeApiClient(CoreV1Api);
      return async () => toWire(await core.listNamespace()) as KubeList;
    }
    case 'persistentvolumeclaims': {
      const core = kubeConfig.makeApiClient(CoreV1Api);
      return async () => toWire(await core.listPersistentVolumeClaimForAllNamespaces()) as KubeList;
    }
    case 'storageclasses': {
      const storage = kubeConfig.makeApiClient(StorageV1Api);
      return async () => toWire(await storage.listStorageClass()) as KubeList;
    }
    default: {
      const custom = kubeConfig.makeApiClient(CustomObjectsApi);
      const { group, version, plural } = model;
      return async () =>
        (await custom.listClusterCustomObject({ group, version, plural })) as KubeList;
    }
  }
};
