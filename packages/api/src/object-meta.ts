// The subset of Kubernetes ObjectMeta the console reads and writes. CRD schemas declare `metadata`
// as a bare object (the API server owns its shape), so the generated kind types import this instead.

export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

export type ObjectMeta = {
  name?: string;
  /** The prefix the API server completes into a unique name when `name` is not given. */
  generateName?: string;
  /** Set from the request path when omitted on create. */
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  /** RFC 3339 timestamp. */
  creationTimestamp?: string;
  /** RFC 3339 timestamp; present once deletion has been requested and finalizers are pending. */
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
};
