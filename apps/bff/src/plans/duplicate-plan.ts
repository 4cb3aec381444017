// Duplicate: a new Plan with the same spec, whose plan-owned maps, hooks, secrets and scripts are
// copies owned by the new plan, made the way a plan is created (createWithOwned: the copies, then
// the Plan, then owner references; a failure at any step deletes what was made).
import type { KubeConfig } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, PlanModel, type Plan, type PlanSpec } from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';
import {
  createWithOwned,
  customStore,
  type KubeObject,
  type OwnedObject,
} from './owned-objects.ts';
import {
  copiedAnnotations,
  copyBody,
  isOwnedBy,
  ownedKindStores,
  specReferences,
  type OwnedKind,
  type SpecReference,
} from './plan-owned-copies.ts';

/** A refusal Duplicate decides itself, before the API server is asked to write anything. */
export class DuplicateRefusal extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

const referenceKey = (kind: OwnedKind, key: ObjectKey) => `${kind}/${key.namespace}/${key.name}`;

/** The spec with each copied object's reference pointing at its copy. */
const respecified = (
  source: Plan & { spec: PlanSpec },
  copies: Map<string, ObjectKey>,
): PlanSpec => {
  const spec = structuredClone(source.spec);
  const pointed = <T extends { name?: string; namespace?: string }>(kind: OwnedKind, ref: T): T => {
    const namespace = ref.namespace || source.metadata?.namespace || '';
    const copy = copies.get(referenceKey(kind, { namespace, name: ref.name ?? '' }));
    return copy ? { ...ref, name: copy.name, namespace: copy.namespace } : ref;
  };
  spec.map.network = pointed('NetworkMap', spec.map.network);
  spec.map.storage = pointed('StorageMap', spec.map.storage);
  if (spec.customizationScripts) {
    spec.customizationScripts = pointed('ConfigMap', spec.customizationScripts);
  }
  for (const vm of spec.vms) {
    for (const hook of vm.hooks ?? []) hook.hook = pointed('Hook', hook.hook);
    if (vm.luks) vm.luks = pointed('Secret', vm.luks);
  }
  // A copy of an archived plan is a plan to run again, as Forklift's console makes it.
  delete spec.archived;
  return spec;
};

const readIfExists = async (read: () => Promise<KubeObject>) => {
  try {
    return await read();
  } catch (error) {
    // A reference to nothing is copied as it is: the plan's validation already names it.
    if (toKubeFailure(error)?.statusCode === 404) return undefined;
    throw error;
  }
};

export const duplicatePlan = async (
  kubeConfig: KubeConfig,
  key: ObjectKey,
  newName: string,
  onUndoFailure: (kind: string, name: string, error: unknown) => void,
): Promise<Plan> => {
  const plans = objectsOf<Plan>(kubeConfig, PlanModel);
  const source = await plans.get(key);
  if (!source.spec) throw new DuplicateRefusal(422, 'spec: the plan has no spec to copy');
  const sourceSpec = source.spec;
  if (await readIfExists(() => plans.get({ namespace: key.namespace, name: newName }))) {
    throw new DuplicateRefusal(
      409,
      `name: a plan named "${newName}" already exists in the project ${key.namespace}`,
    );
  }

  const stores = ownedKindStores(kubeConfig);
  const copied: SpecReference[] = [];
  const owned: OwnedObject[] = [];
  for (const reference of specReferences(source)) {
    // Owner references never cross projects, so the plan owns nothing outside its own.
    if (reference.key.namespace !== key.namespace) continue;
    const store = stores[reference.kind];
    const stored = await readIfExists(() => store.get(reference.key));
    if (!stored || !isOwnedBy(stored.metadata, source.metadata?.uid ?? '')) continue;
    copied.push(reference);
    owned.push({ store, body: copyBody(stored, newName) });
  }

  const { owner } = await createWithOwned<Plan>({
    namespace: key.namespace,
    owned,
    owner: {
      store: customStore(kubeConfig, PlanModel),
      build: (created) => {
        const copies = new Map(
          copied.map(({ kind, key: sourceKey }, index) => [
            referenceKey(kind, sourceKey),
            { namespace: key.namespace, name: created[index]?.metadata?.name ?? '' },
          ]),
        );
        return {
          apiVersion: FORKLIFT_API_VERSION,
          kind: 'Plan',
          metadata: {
            name: newName,
            namespace: key.namespace,
            ...(source.metadata?.labels ? { labels: source.metadata.labels } : {}),
            ...copiedAnnotations(source.metadata?.annotations),
          },
          spec: respecified({ ...source, spec: sourceSpec }, copies),
        };
      },
    },
    onUndoFailure,
  });
  return owner;
};
