// Forklift's OpenShift / KubeVirt inventory (reference inventory.md §1.7), which the BFF serves
// under /api/v1/inventory/providers/openshift/<uid>/ and the pages read: the target cluster's
// projects, networks and storage classes, and its VMs when it is a source.

/** The collections under a provider; each is also served by name (`<collection>/<name>`). */
export const OPENSHIFT_INVENTORY_COLLECTIONS = [
  'namespaces',
  'storageclasses',
  'networkattachmentdefinitions',
  'vms',
  'datavolumes',
  'persistentvolumeclaims',
  'instancetypes',
  'clusterinstancetypes',
] as const;

export type OpenshiftInventoryCollection = (typeof OPENSHIFT_INVENTORY_COLLECTIONS)[number];

/**
 * One Kubernetes object as the inventory lists it: detail 0 names it, detail ≥ 1 (and a GET of
 * one object) adds `object`, the object as the cluster has it. `id` is its uid.
 */
export type OpenshiftResource<T = Record<string, unknown>> = {
  uid: string;
  version: string;
  namespace: string;
  name: string;
  selfLink: string;
  id: string;
  object?: T;
};

/** A KubeVirt VirtualMachine, with its VirtualMachineInstance while it runs. */
export type OpenshiftVm = OpenshiftResource & { instance?: Record<string, unknown> };

/** Counts on the provider resource at detail ≥ 1; networkCount includes the pod network. */
export type OpenshiftInventoryCounts = {
  vmCount: number;
  networkCount: number;
  storageClassCount: number;
};

/** The Provider annotation, `namespace/name` of a NAD, that Forklift defaults plans' transfer network to. */
export const DEFAULT_TRANSFER_NETWORK_ANNOTATION = 'forklift.konveyor.io/defaultTransferNetwork';

/** The StorageClass annotation that marks the cluster's default class. */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
