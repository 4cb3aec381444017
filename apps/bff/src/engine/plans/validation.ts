// What a Plan must satisfy before it may start (reference engine.md §4), in Forklift's order: the
// provider pair, the target namespace, the maps — and, only when none of those blocks, the
// migration type, every VM, the transfer network, the hooks, the images and the scratch storage.
// Pure: the reconcile hands in the plan and lookups over what the engine watches; this answers
// the conditions, and whether an inventory it needs is still loading.
import {
  dns1123SubdomainError,
  type ForkliftController,
  type Hook,
  type NetworkMap,
  type Plan,
  type StorageMap,
} from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { isBlocker, type ConditionInput } from '../conditions.ts';
import { resolveProvider, type ProviderLookup, type ProviderSide } from '../maps/provider-pair.ts';
import { NETWORK_MAP, STORAGE_MAP } from '../maps/validation.ts';
import { checkMapRefs, mappedNetworksOf, mappedStorageOf } from './map-checks.ts';
import { destinationVmsOf } from './mac-conflicts.ts';
import {
  checkConversionTempStorage,
  checkHooks,
  checkMigrationType,
  checkServiceAccount,
  checkTransferNetwork,
  checkVirtV2vImage,
  isWarmPlan,
  migrationTypeOf,
  type DestinationNad,
} from './settings-checks.ts';
import { checkVms } from './vm-checks.ts';

export type PlanValidationInput = {
  plan: Plan;
  findProvider: ProviderLookup;
  /** The running inventory of a provider, by its metadata.uid (inventory/registry.ts `get`). */
  inventoryOf: (providerUid: string) => ProviderInventory | undefined;
  findNetworkMap: (namespace: string, name: string) => NetworkMap | undefined;
  findStorageMap: (namespace: string, name: string) => StorageMap | undefined;
  findHook: (namespace: string, name: string) => Hook | undefined;
  forkliftController: ForkliftController | undefined;
  /** Whether spec.serviceAccount exists in the target namespace; undefined when none is named. */
  serviceAccountExists?: boolean;
};

export type PlanValidation = {
  conditions: ConditionInput[];
  /** An inventory the plan is judged against has not loaded yet: judge it again shortly. */
  waitingForInventory: boolean;
};

const PREFIX: Record<ProviderSide, string> = { source: 'Source', destination: 'Destination' };

const critical = (type: string, reason: string, message: string): ConditionInput => ({
  type,
  category: 'Critical',
  reason,
  message,
});

type ProviderState =
  | { ready: true; type: string; inventory: ProviderInventory }
  | { ready: false; condition: ConditionInput; waiting?: boolean };

/** One side of the provider pair: set, found, openshift for the destination, Ready, inventory in. */
const checkProvider = (side: ProviderSide, input: PlanValidationInput): ProviderState => {
  const { plan } = input;
  const ref = plan.spec?.provider?.[side];
  const resolved = resolveProvider(side, ref, plan.metadata?.namespace ?? '', input.findProvider);
  const notValid = (reason: string, message: string) => ({
    ready: false as const,
    condition: critical(`${PREFIX[side]}ProviderNotValid`, reason, message),
  });
  const notReady = (reason: string, message: string, waiting = false) => ({
    ready: false as const,
    waiting,
    condition: critical(`${PREFIX[side]}ProviderNotReady`, reason, message),
  });
  switch (resolved.state) {
    case 'notSet':
      return notValid('NotSet', `The plan names no ${side} provider.`);
    case 'notFound':
      return notValid('NotFound', `The ${side} provider ${resolved.label} does not exist.`);
    case 'typeNotValid':
      return notValid(
        'TypeNotValid',
        `The destination provider ${resolved.label} is of type ${resolved.type}; it must be an openshift provider.`,
      );
    case 'notReady':
      return notReady('NotReady', `The ${side} provider ${resolved.label} is not ready.`);
    case 'ready': {
      const inventory = input.inventoryOf(resolved.provider.metadata?.uid ?? '');
      if (!inventory?.hasParity()) {
        return notReady(
          'InventoryNotReady',
          `The inventory of the ${side} provider ${resolved.label} is not loaded yet.`,
          true,
        );
      }
      return { ready: true, type: resolved.provider.spec?.type ?? '', inventory };
    }
  }
};

const checkTargetNamespace = (plan: Plan): ConditionInput[] => {
  const namespace = plan.spec?.targetNamespace ?? '';
  if (!namespace)
    return [critical('NamespaceNotValid', 'NotSet', 'The plan names no target namespace.')];
  const error = dns1123SubdomainError(namespace);
  return error
    ? [critical('NamespaceNotValid', 'NotValid', `The target namespace ${namespace} ${error}.`)]
    : [];
};

const nadsOf = (inventory: ProviderInventory): DestinationNad[] =>
  (inventory.list('networkattachmentdefinitions', { detail: 1 }) ?? []).map((entry) => {
    const nad = entry as {
      namespace?: string;
      name?: string;
      object?: { metadata?: { annotations?: Record<string, string> } };
    };
    return {
      namespace: nad.namespace ?? '',
      name: nad.name ?? '',
      annotations: nad.object?.metadata?.annotations ?? {},
    };
  });

export const validatePlan = (input: PlanValidationInput): PlanValidation => {
  const { plan } = input;
  const conditions: ConditionInput[] = [];
  const source = checkProvider('source', input);
  const destination = checkProvider('destination', input);
  const waitingForInventory =
    (!source.ready && Boolean(source.waiting)) ||
    (!destination.ready && Boolean(destination.waiting));
  for (const state of [source, destination]) if (!state.ready) conditions.push(state.condition);
  if (!source.ready && source.condition.type === 'SourceProviderNotReady') {
    return { conditions, waitingForInventory };
  }

  const conversion = migrationTypeOf(plan) === 'conversion';
  conditions.push(...checkTargetNamespace(plan));
  conditions.push(...checkMapRefs(plan, NETWORK_MAP, input.findNetworkMap));
  if (!conversion) conditions.push(...checkMapRefs(plan, STORAGE_MAP, input.findStorageMap));
  const blocked = () =>
    conditions.some(({ category, status }) => isBlocker({ category, status: status ?? 'True' }));
  if (blocked() || !source.ready || !destination.ready) return { conditions, waitingForInventory };

  conditions.push(...checkMigrationType(plan, source.type, input.forkliftController));
  const networkMap = input.findNetworkMap(
    plan.spec?.map?.network?.namespace || plan.metadata?.namespace || '',
    plan.spec?.map?.network?.name ?? '',
  );
  const storageMap = input.findStorageMap(
    plan.spec?.map?.storage?.namespace || plan.metadata?.namespace || '',
    plan.spec?.map?.storage?.name ?? '',
  );
  conditions.push(
    ...checkVms({
      plan,
      sourceType: source.type,
      source: source.inventory,
      // The VMs this plan's own runs made carry its source MACs by design.
      destinationVms: destinationVmsOf(
        destination.inventory.list('vms', { detail: 1 }) ?? [],
      ).filter((vm) => !vm.plan || vm.plan !== plan.metadata?.uid),
      mappedNetworks: mappedNetworksOf(networkMap, source.type, source.inventory),
      mappedStorage: conversion
        ? undefined
        : mappedStorageOf(storageMap, source.type, source.inventory),
      isWarm: isWarmPlan(plan),
    }),
  );
  conditions.push(...checkTransferNetwork(plan, nadsOf(destination.inventory)));
  conditions.push(...checkServiceAccount(plan, input.serviceAccountExists));
  conditions.push(...checkHooks(plan, input.findHook));
  conditions.push(...checkVirtV2vImage(plan));
  conditions.push(...checkConversionTempStorage(plan));
  return { conditions, waitingForInventory };
};
