// The objects a Plan owns that Duplicate copies for the new plan: its NetworkMap and StorageMap,
// its Hooks, its LUKS Secrets and its customization-scripts ConfigMap. Only those the plan owns
// (an ownerReference to its uid) are copied; a shared map or hook stays shared.
import type { KubeConfig } from '@kubernetes/client-node';
import {
  HookModel,
  NetworkMapModel,
  StorageMapModel,
  type ObjectMeta,
  type Plan,
} from '@forklift-console/api';
import type { ObjectKey } from '../kube/objects.ts';
import { coreStore, customStore, type KubeObject, type ObjectStore } from './owned-objects.ts';

export type OwnedKind = 'NetworkMap' | 'StorageMap' | 'Hook' | 'Secret' | 'ConfigMap';

type StoredObject = KubeObject & { metadata?: ObjectMeta & { generateName?: string } } & Record<
    string,
    unknown
  >;

export const ownedKindStores = (kubeConfig: KubeConfig): Record<OwnedKind, ObjectStore> => ({
  NetworkMap: customStore(kubeConfig, NetworkMapModel),
  StorageMap: customStore(kubeConfig, StorageMapModel),
  Hook: customStore(kubeConfig, HookModel),
  Secret: coreStore(kubeConfig, 'Secret'),
  ConfigMap: coreStore(kubeConfig, 'ConfigMap'),
});

/** A reference in a Plan's spec to an object of `kind`, resolved to its project. */
export type SpecReference = { kind: OwnedKind; key: ObjectKey };

type Reference = { name?: string; namespace?: string } | undefined;

/** Every object the spec names that Duplicate might copy, each once. */
export const specReferences = (plan: Plan): SpecReference[] => {
  const namespace = plan.metadata?.namespace ?? '';
  const spec = plan.spec;
  const named: [OwnedKind, Reference][] = [
    ['NetworkMap', spec?.map.network],
    ['StorageMap', spec?.map.storage],
    ['ConfigMap', spec?.customizationScripts],
    ...(spec?.vms ?? []).flatMap((vm): [OwnedKind, Reference][] => [
      ...(vm.hooks ?? []).map((hook): [OwnedKind, Reference] => ['Hook', hook.hook]),
      ['Secret', vm.luks],
    ]),
  ];
  const seen = new Map<string, SpecReference>();
  for (const [kind, reference] of named) {
    if (!reference?.name) continue;
    const key = { namespace: reference.namespace || namespace, name: reference.name };
    seen.set(`${kind}/${key.namespace}/${key.name}`, { kind, key });
  }
  return [...seen.values()];
};

export const isOwnedBy = (metadata: ObjectMeta | undefined, ownerUid: string): boolean =>
  (metadata?.ownerReferences ?? []).some((owner) => owner.uid === ownerUid);

// kubectl's record of the source's last apply would make a later `kubectl apply` of the source's
// YAML to the copy compute its diff against the wrong object.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotations a copy keeps: all but kubectl's record of the source's last apply. */
export const copiedAnnotations = (
  annotations: Record<string, string> | undefined,
): { annotations?: Record<string, string> } => {
  const { [LAST_APPLIED]: _lastApplied, ...kept } = annotations ?? {};
  return Object.keys(kept).length > 0 ? { annotations: kept } : {};
};

/**
 * The copy's body: the same content under a name generated from the new plan's, with no owner yet
 * (the new plan does not exist when it is made) and none of the server's bookkeeping.
 */
export const copyBody = (source: StoredObject, newPlanName: string): StoredObject => {
  const { metadata, status: _status, ...content } = source;
  return {
    ...content,
    metadata: {
      generateName: `${newPlanName}-`,
      namespace: metadata?.namespace,
      ...(metadata?.labels ? { labels: metadata.labels } : {}),
      ...copiedAnnotations(metadata?.annotations),
    },
  };
};
