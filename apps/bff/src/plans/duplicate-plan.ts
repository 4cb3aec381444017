// Duplicate: a new Plan with the same spec, whose plan-owned maps, hooks, secrets and scripts are
// copies owned by the new plan. The order is Forklift's submit sequence (copies, then the Plan,
// then owner references), and a failure at any step deletes what was made, so nothing half-made
// stays.
import type { KubeConfig, V1OwnerReference } from '@kubernetes/client-node';
import { FORKLIFT_API_VERSION, PlanModel, type Plan, type PlanSpec } from '@forklift-console/api';
import { objectsOf, type ObjectKey } from '../kube/objects.ts';
import { toKubeFailure } from '../kube/errors.ts';
import {
  copiedAnnotations,
  copyBody,
  isOwnedBy,
  ownedKindClients,
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

type Made = { kind: OwnedKind; key: ObjectKey };

const planOwnerReference = (plan: Plan): V1OwnerReference => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: 'Plan',
  name: plan.metadata?.name ?? '',
  uid: plan.metadata?.uid ?? '',
});

/** The spec with each copied object's reference pointing at its copy. */
const respecified = (
  source: Plan & { spec: PlanSpec },
  copies: Map<string, ObjectKey>,
): PlanSpec => {
  const spec = structuredClone(source.spec);
  const pointed = <T extends { name?: string; namespace?: string }>(kind: OwnedKind, ref: T): T => {
    const namespace = ref.namespace || source.metadata?.namespace;
    const copy = copies.get(`${kind}/${namespace}/${ref.name}`);
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

const ignoreMissing = async (remove: () => Promise<void>) => {
  try {
    await remove();
  } catch (error) {
    if (toKubeFailure(error)?.statusCode !== 404) throw error;
  }
};

export const duplicatePlan = async (
  kubeConfig: KubeConfig,
  key: ObjectKey,
  newName: string,
): Promise<Plan> => {
  const plans = objectsOf<Plan>(kubeConfig, PlanModel);
  const kinds = ownedKindClients(kubeConfig);
  const source = await plans.get(key);
  if (!source.spec) throw new DuplicateRefusal(422, 'spec: the plan has no spec to copy');
  const sourceUid = source.metadata?.uid ?? '';
  const taken = await plans.get({ namespace: key.namespace, name: newName }).then(
    () => true,
    (error: unknown) => {
      if (toKubeFailure(error)?.statusCode === 404) return false;
      throw error;
    },
  );
  if (taken) {
    throw new DuplicateRefusal(
      409,
      `name: a plan named "${newName}" already exists in the project ${key.namespace}`,
    );
  }

  const made: Made[] = [];
  let created: Plan | undefined;
  try {
    const copies = new Map<string, ObjectKey>();
    for (const reference of specReferences(source)) {
      const copy = await copyIfOwned(kinds, reference, sourceUid, newName);
      if (!copy) continue;
      made.push({ kind: reference.kind, key: copy });
      copies.set(`${reference.kind}/${reference.key.namespace}/${reference.key.name}`, copy);
    }
    created = await plans.create(key.namespace, {
      apiVersion: FORKLIFT_API_VERSION,
      kind: 'Plan',
      metadata: {
        name: newName,
        namespace: key.namespace,
        ...(source.metadata?.labels ? { labels: source.metadata.labels } : {}),
        ...copiedAnnotations(source.metadata?.annotations),
      },
      spec: respecified({ ...source, spec: source.spec }, copies),
    });
    const owner = planOwnerReference(created);
    for (const { kind, key: copyKey } of made) await kinds[kind].setOwner(copyKey, owner);
    return created;
  } catch (error) {
    // Undo in reverse; the plan first, since its copies do not yet all name it as their owner.
    if (created)
      await ignoreMissing(() => plans.delete({ namespace: key.namespace, name: newName }));
    for (const { kind, key: copyKey } of made.reverse()) {
      await ignoreMissing(() => kinds[kind].delete(copyKey));
    }
    throw error;
  }
};

/** Copies the referenced object when the source plan owns it; answers the copy's key. */
const copyIfOwned = async (
  kinds: ReturnType<typeof ownedKindClients>,
  { kind, key }: SpecReference,
  sourceUid: string,
  newName: string,
): Promise<ObjectKey | undefined> => {
  let stored;
  try {
    stored = await kinds[kind].get(key);
  } catch (error) {
    // A reference to nothing is copied as it is: the plan's validation already names it.
    if (toKubeFailure(error)?.statusCode === 404) return undefined;
    throw error;
  }
  if (!isOwnedBy(stored.metadata, sourceUid)) return undefined;
  const copy = await kinds[kind].create(key.namespace, copyBody(stored, newName));
  return { namespace: key.namespace, name: copy.metadata?.name ?? '' };
};
