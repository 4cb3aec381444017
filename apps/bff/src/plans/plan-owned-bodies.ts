// The objects a new Plan owns, built from the wizard's request, and the Plan itself once their
// generated names are known (Forklift's submit sequence, reference ui.md §2.6).
import {
  FORKLIFT_API_VERSION,
  type CreatePlanRequest,
  type HookSpec,
  type HookStep,
  type NetworkMap,
  type Plan,
  type StorageMap,
} from '@forklift-console/api';
import type { V1Secret } from '@kubernetes/client-node';
import type { KubeObject } from './owned-objects.ts';

type AnyMap = NetworkMap | StorageMap;
type MapChoice = CreatePlanRequest['networkMap'] | CreatePlanRequest['storageMap'];

/** Why the request cannot make a plan in `namespace`, naming the field, or undefined. */
export const createPlanRequestError = (
  { plan, diskDecryption }: CreatePlanRequest,
  namespace: string,
): string | undefined => {
  if (plan.metadata?.namespace !== undefined && plan.metadata.namespace !== namespace) {
    return `plan.metadata.namespace must be "${namespace}", the project in the path`;
  }
  if (plan.apiVersion !== undefined && plan.apiVersion !== FORKLIFT_API_VERSION) {
    return `plan.apiVersion must be "${FORKLIFT_API_VERSION}"`;
  }
  if (plan.kind !== undefined && plan.kind !== 'Plan') return 'plan.kind must be "Plan"';
  if (plan.spec?.map !== undefined) {
    return 'plan.spec.map must be left out: the plan-owned maps made from networkMap and storageMap fill it';
  }
  if (diskDecryption && 'passphrases' in diskDecryption && 'secretName' in diskDecryption) {
    return 'diskDecryption takes passphrases or secretName, not both';
  }
  return undefined;
};

/** Why an existing map cannot be copied for this plan (it must be unowned, for the same providers). */
export const existingMapError = (
  field: 'networkMap' | 'storageMap',
  existing: AnyMap,
  plan: Plan,
): string | undefined => {
  const name = existing.metadata?.name ?? '';
  if ((existing.metadata?.ownerReferences ?? []).length > 0) {
    return `${field}.name: ${name} is owned by another resource; choose a map without an owner`;
  }
  const same = (
    a?: { name?: string; namespace?: string },
    b?: { name?: string; namespace?: string },
  ) => a?.name === b?.name && (a?.namespace ?? '') === (b?.namespace ?? '');
  const { source, destination } = existing.spec?.provider ?? {};
  const planProviders = plan.spec?.provider;
  if (!same(source, planProviders?.source) || !same(destination, planProviders?.destination)) {
    return `${field}.name: ${name} maps between other providers than the plan's`;
  }
  return undefined;
};

/**
 * The plan-owned map: a copy of `existing`'s entries or the request's own, between the plan's
 * providers; named as asked, otherwise after the plan with a generated suffix.
 */
export const planMapBody = (
  kind: 'NetworkMap' | 'StorageMap',
  choice: MapChoice,
  plan: Plan,
  existing?: AnyMap,
): KubeObject & { spec: object } => {
  const planName = plan.metadata?.name ?? '';
  const named = 'map' in choice ? choice.name : undefined;
  return {
    apiVersion: FORKLIFT_API_VERSION,
    kind,
    metadata: named ? { name: named } : ({ generateName: `${planName}-` } as object),
    spec: {
      provider: plan.spec?.provider,
      map: 'map' in choice ? choice.map : (existing?.spec?.map ?? []),
    },
  };
};

export const hookBody = (planName: string, step: HookStep, spec: HookSpec): KubeObject =>
  ({
    apiVersion: FORKLIFT_API_VERSION,
    kind: 'Hook',
    metadata: {
      generateName: `${planName}-${step === 'PreHook' ? 'pre' : 'post'}-hook-`,
    } as object,
    spec,
  }) as KubeObject;

/** A Secret of LUKS passphrases, one key each, as virt-v2v reads them. */
export const decryptionSecretBody = (planName: string, passphrases: string[]): V1Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { generateName: `${planName}-luks-`, labels: { isLUKS: 'true' } },
  type: 'Opaque',
  data: Object.fromEntries(
    passphrases.map((passphrase, index) => [
      `passphrase-${index + 1}`,
      Buffer.from(passphrase).toString('base64'),
    ]),
  ),
});

type Created = {
  networkMap: string;
  storageMap: string;
  hooks: { step: HookStep; name: string }[];
  luksSecret?: string;
};

/** The Plan as stored: the request's plan pointing at its owned maps, hooks and Secret. */
export const planBody = (plan: Plan, namespace: string, created: Created): Plan => {
  const spec = plan.spec!;
  const hooks = created.hooks.map(({ step, name }) => ({ step, hook: { name, namespace } }));
  return {
    ...plan,
    apiVersion: FORKLIFT_API_VERSION,
    kind: 'Plan',
    metadata: { ...plan.metadata, namespace },
    spec: {
      ...spec,
      map: {
        network: { name: created.networkMap, namespace },
        storage: { name: created.storageMap, namespace },
      },
      vms: spec.vms.map((vm) => ({
        ...vm,
        ...(hooks.length > 0 ? { hooks } : {}),
        ...(created.luksSecret ? { luks: { name: created.luksSecret, namespace } } : {}),
      })),
    },
  };
};
