// The plan-wide checks after the per-VM ones (reference engine.md §4, steps 8–9, 11, 13, 14, 19):
// the migration type the source supports, the transfer network, the hooks the VMs run, the
// virt-v2v image and the conversion scratch storage. Each answers the conditions it earns.
import {
  isFullyQualifiedImage,
  type ForkliftController,
  type Hook,
  type Plan,
} from '@forklift-console/api';
import type { ConditionInput } from '../conditions.ts';
import { vmItem } from './vm-checks.ts';

const critical = (
  type: string,
  reason: string,
  message: string,
  items?: string[],
): ConditionInput => ({
  type,
  category: 'Critical',
  reason,
  message,
  ...(items ? { items } : {}),
});

export const isWarmPlan = (plan: Plan): boolean =>
  plan.spec?.type === 'warm' || plan.spec?.warm === true;

/** The plan's migration type; `warm: true` is the deprecated spelling of type warm. */
export const migrationTypeOf = (plan: Plan): string =>
  plan.spec?.type || (plan.spec?.warm ? 'warm' : 'cold');

/** The types each source provider type can run (reference engine.md §3.1). */
const allowedTypes = (
  providerType: string,
  forkliftController: ForkliftController | undefined,
): string[] => {
  switch (providerType) {
    case 'vsphere':
      return ['cold', 'warm', 'conversion'];
    case 'ovirt':
      return ['cold', 'warm'];
    case 'openshift':
      return forkliftController?.spec?.feature_ocp_live_migration === 'true'
        ? ['cold', 'live']
        : ['cold'];
    default:
      return ['cold'];
  }
};

export const checkMigrationType = (
  plan: Plan,
  providerType: string,
  forkliftController: ForkliftController | undefined,
): ConditionInput[] => {
  const type = migrationTypeOf(plan);
  const allowed = allowedTypes(providerType, forkliftController);
  if (isWarmPlan(plan) && !allowed.includes('warm')) {
    return [
      critical(
        'WarmMigrationNotReady',
        'NotSupported',
        `Warm migration from a ${providerType} provider is not supported.`,
      ),
    ];
  }
  if (allowed.includes(type)) return [];
  const hint =
    type === 'live' && providerType === 'openshift'
      ? ' Live migration needs the feature_ocp_live_migration switch of the ForkliftController.'
      : '';
  return [
    critical(
      'MigrationTypeNotValid',
      'NotSupported',
      `Migration type ${type} is not supported for a ${providerType} provider; it supports ${allowed.join(', ')}.${hint}`,
    ),
  ];
};

/** A NetworkAttachmentDefinition of the destination cluster, as its inventory lists it. */
export type DestinationNad = {
  namespace: string;
  name: string;
  annotations: Record<string, string>;
};

const ROUTE_ANNOTATION = 'forklift.konveyor.io/route';
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

const isValidRoute = (route: string): boolean =>
  route === 'none' || IPV4.test(route) || (route.includes(':') && /^[0-9a-fA-F:]+$/.test(route));

export const checkTransferNetwork = (
  plan: Plan,
  nads: readonly DestinationNad[],
): ConditionInput[] => {
  const ref = plan.spec?.transferNetwork;
  if (!ref?.name) return [];
  const namespace = ref.namespace || plan.metadata?.namespace || '';
  const label = `${namespace}/${ref.name}`;
  const nad = nads.find(
    (candidate) => candidate.namespace === namespace && candidate.name === ref.name,
  );
  if (!nad) {
    return [
      critical(
        'TransferNetworkNotValid',
        'NotFound',
        `The transfer network ${label} does not exist in the destination cluster.`,
      ),
    ];
  }
  if (namespace !== plan.spec?.targetNamespace) {
    return [
      critical(
        'TransferNetworkNotValid',
        'NotValid',
        `The transfer network ${label} is not in the target namespace ${plan.spec?.targetNamespace}.`,
      ),
    ];
  }
  const route = nad.annotations[ROUTE_ANNOTATION];
  if (route !== undefined && !isValidRoute(route)) {
    return [
      critical(
        'TransferNetworkNotValid',
        'NotValid',
        `The ${ROUTE_ANNOTATION} annotation of the transfer network ${label} is neither an IP address nor "none".`,
      ),
    ];
  }
  return [];
};

/** The migration pods run as spec.serviceAccount in the target namespace: it must be there. */
export const checkServiceAccount = (plan: Plan, exists: boolean | undefined): ConditionInput[] =>
  exists === false
    ? [
        critical(
          'ServiceAccountNotValid',
          'NotFound',
          `The service account ${plan.spec?.serviceAccount} does not exist in the target namespace ${plan.spec?.targetNamespace}.`,
        ),
      ]
    : [];

const HOOK_STEPS = new Set(['PreHook', 'PostHook']);

const isReady = (hook: Hook): boolean =>
  (hook.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Every hook of every VM: a known step, a Hook that exists and is Ready. */
export const checkHooks = (
  plan: Plan,
  findHook: (namespace: string, name: string) => Hook | undefined,
): ConditionInput[] => {
  const planNamespace = plan.metadata?.namespace ?? '';
  const stepItems: string[] = [];
  const unset: string[] = [];
  const missing = new Set<string>();
  const notReady = new Set<string>();
  for (const vm of plan.spec?.vms ?? []) {
    for (const { step, hook } of vm.hooks ?? []) {
      if (!HOOK_STEPS.has(step)) stepItems.push(`${vmItem(vm)} step:'${step}'`);
      if (!hook?.name) {
        unset.push(vmItem(vm));
        continue;
      }
      const namespace = hook.namespace || planNamespace;
      const found = findHook(namespace, hook.name);
      if (!found) missing.add(`${namespace}/${hook.name}`);
      else if (!isReady(found)) notReady.add(`${namespace}/${hook.name}`);
    }
  }
  const conditions: ConditionInput[] = [];
  if (unset.length > 0) {
    conditions.push(critical('HookNotValid', 'NotSet', 'Some VM hooks name no Hook.', unset));
  } else if (missing.size > 0) {
    conditions.push(
      critical('HookNotValid', 'NotFound', 'Some hooks the VMs run do not exist.', [...missing]),
    );
  }
  if (notReady.size > 0) {
    conditions.push(
      critical('HookNotReady', 'NotFound', 'Some hooks the VMs run are not Ready.', [...notReady]),
    );
  }
  if (stepItems.length > 0) {
    conditions.push(
      critical(
        'HookStepNotValid',
        'NotValid',
        'Some VM hooks have a step other than PreHook or PostHook.',
        stepItems,
      ),
    );
  }
  return conditions;
};

export const checkVirtV2vImage = (plan: Plan): ConditionInput[] => {
  const image = plan.spec?.virtV2vImage;
  if (!image || isFullyQualifiedImage(image)) return [];
  return [
    critical(
      'VirtV2vImageNotValid',
      'NotValid',
      `The virt-v2v image ${image} is not a fully-qualified image reference (registry/repository:tag).`,
    ),
  ];
};

export const checkConversionTempStorage = (plan: Plan): ConditionInput[] => {
  const storageClass = plan.spec?.conversionTempStorageClass;
  const size = plan.spec?.conversionTempStorageSize;
  if (Boolean(storageClass) === Boolean(size)) return [];
  return [
    critical(
      'NotValid',
      'NotValid',
      'The conversion temporary storage class and size must be set together.',
    ),
  ];
};
