// Kubernetes objects in Forklift's OpenShift inventory shape (reference inventory.md §1.7): the
// common Resource fields, plus the object itself at detail ≥ 1 and, for a VM, its running instance.
import type { OpenshiftResource, OpenshiftVm } from '@forklift-console/api';
import type { KubeObject } from './collections.ts';

export const resourceOf = (
  providerUid: string,
  collection: string,
  object: KubeObject,
  detail: number,
): OpenshiftResource => {
  const uid = object.metadata?.uid ?? '';
  const resource: OpenshiftResource = {
    uid,
    version: object.metadata?.resourceVersion ?? '',
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata?.name ?? '',
    selfLink: `providers/openshift/${providerUid}/${collection}/${uid}`,
    id: uid,
  };
  return detail > 0 ? { ...resource, object: object as Record<string, unknown> } : resource;
};

export const vmOf = (
  providerUid: string,
  vm: KubeObject,
  instance: KubeObject | undefined,
  detail: number,
): OpenshiftVm => {
  const resource = resourceOf(providerUid, 'vms', vm, detail);
  return detail > 0 && instance
    ? { ...resource, instance: instance as Record<string, unknown> }
    : resource;
};

type CniConfig = { type?: unknown; topology?: unknown };

/**
 * A NAD of an OVN-Kubernetes layer-3 user-defined network: KubeVirt cannot attach a VM to one
 * (Forklift's UnsupportedUserDefinedNetwork), so the inventory does not offer it as a target.
 */
export const isUnsupportedUdn = (nad: KubeObject): boolean => {
  const config = nad.spec?.config;
  if (typeof config !== 'string') return false;
  let parsed: CniConfig;
  try {
    parsed = JSON.parse(config) as CniConfig;
  } catch {
    return false;
  }
  return parsed.type === 'ovn-k8s-cni-overlay' && parsed.topology === 'layer3';
};
