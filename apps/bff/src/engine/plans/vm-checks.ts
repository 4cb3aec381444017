// The per-VM plan checks (reference engine.md §4, step 10): every VM of the plan is resolved in the
// source inventory and judged; each condition type is set once and lists the offending VMs in
// `items` the way Forklift writes a VM reference (`id:vm-12 name:'web'`). VMs that already
// migrated (Succeeded in status.migration.vms) are left alone, as Forklift does.
import { previewTargetName, targetNameError, type Plan } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import type { ConditionInput } from '../conditions.ts';
import { resolveSourceRef, type InventoryItem } from '../maps/source-refs.ts';
import { macConflictCondition, type DestinationVm } from './mac-conflicts.ts';
import { POD_NETWORK_KEY, vmFactsOf, type VmFacts } from './vm-facts.ts';

export type PlanVm = NonNullable<NonNullable<Plan['spec']>['vms']>[number];

export type VmChecksInput = {
  plan: Plan;
  sourceType: string;
  source: ProviderInventory;
  /** The VirtualMachines of the destination cluster. */
  destinationVms: readonly DestinationVm[];
  /** Network key (inventory id or `pod`) → the destination types its map entries send it to. */
  mappedNetworks: ReadonlyMap<string, readonly string[]>;
  /** Storage keys the storage map covers; undefined when storage is not mapped (conversion). */
  mappedStorage: ReadonlySet<string> | undefined;
  isWarm: boolean;
};

/** A VM reference the way Forklift prints one in a condition's items. */
export const vmItem = (ref: { id?: string; name?: string; namespace?: string }): string =>
  [
    ref.id && `id:${ref.id}`,
    ref.namespace && `namespace:'${ref.namespace}'`,
    ref.name && `name:'${ref.name}'`,
  ]
    .filter(Boolean)
    .join(' ');

/** The VMs of the plan that have not migrated yet: Forklift does not judge succeeded ones again. */
const pendingVms = (plan: Plan): PlanVm[] => {
  const succeeded = new Set(
    (plan.status?.migration?.vms ?? [])
      .filter((status) =>
        (status.conditions ?? []).some((c) => c.type === 'Succeeded' && c.status === 'True'),
      )
      .map((status) => status.id),
  );
  return (plan.spec?.vms ?? []).filter((vm) => !vm.id || !succeeded.has(vm.id));
};

const hasStatus = (plan: Plan, id: string): boolean =>
  (plan.status?.migration?.vms ?? []).some((status) => status.id === id);

type ListedVm = InventoryItem & Record<string, unknown>;

type VmResolution = { state: 'found'; vm: ListedVm } | { state: 'notFound' | 'ambiguous' };

/** A plan VM by id, else by name (a vSphere inventory path, an OpenShift `namespace/name`). */
const resolveVm = (
  ref: PlanVm,
  listed: readonly ListedVm[],
  byId: ReadonlyMap<string, ListedVm>,
  sourceType: string,
): VmResolution => {
  let id = ref.id;
  if (!id) {
    const byName = resolveSourceRef(
      { name: ref.name, namespace: ref.namespace },
      listed,
      sourceType,
    );
    if (byName.state !== 'found')
      return { state: byName.state === 'ambiguous' ? 'ambiguous' : 'notFound' };
    id = byName.ref.id;
  }
  const vm = id ? byId.get(id) : undefined;
  return vm ? { state: 'found', vm } : { state: 'notFound' };
};

type ResolvedVm = { ref: PlanVm; facts: VmFacts; item: string };

/** The per-VM condition types a resolved VM earns, in no particular order. */
const findingsOf = ({ ref, facts }: ResolvedVm, input: VmChecksInput): string[] => {
  const { plan, sourceType, source, mappedNetworks, mappedStorage, isWarm } = input;
  const target = previewTargetName(facts.name, ref.targetName);
  const targetNamespace = plan.spec?.targetNamespace ?? '';
  const networksOf = (nic: VmFacts['nics'][number]) => mappedNetworks.get(nic.network) ?? [];
  return [
    // A renamed VM gets a random suffix on a collision; a kept or chosen name would fail.
    target.source !== 'renamed' &&
      !hasStatus(plan, facts.id) &&
      input.destinationVms.some(
        (vm) => vm.namespace === targetNamespace && vm.name === target.name,
      ) &&
      'VMAlreadyExists',
    facts.nics.some((nic) => !mappedNetworks.has(nic.network)) && 'VMNetworksNotMapped',
    mappedStorage && facts.storage?.some((key) => !mappedStorage.has(key)) && 'VMStorageNotMapped',
    facts.nics.filter((nic) => networksOf(nic).includes(POD_NETWORK_KEY)).length > 1 &&
      'VMMultiplePodNetworkMappings',
    facts.hostId && isInMaintenance(source, facts.hostId) && 'HostNotReady',
    isWarm &&
      sourceType === 'vsphere' &&
      !facts.changeTrackingEnabled &&
      'VMMissingChangedBlockTracking',
    isWarm && sourceType === 'vsphere' && facts.hasSnapshot && 'VMHasSnapshots',
    ref.nbdeClevis && ref.luks?.name && 'LuksAndClevisIncompatibility',
    facts.concerns.some((concern) => concern.category === 'Critical') && 'VMCriticalConcerns',
  ].filter((type): type is string => typeof type === 'string');
};

export const checkVms = (input: VmChecksInput): ConditionInput[] => {
  const { plan, sourceType, source } = input;
  const listed = (source.list('vms', { detail: 2 }) ?? []) as ListedVm[];
  const byId = new Map(listed.map((vm) => [vm.id, vm]));
  const found = new Map<string, string[]>();
  const note = (type: string, item: string) => found.set(type, [...(found.get(type) ?? []), item]);
  const seenIds = new Set<string>();
  const targetNames = new Set<string>();
  const resolved: ResolvedVm[] = [];
  let duplicateReason: 'NotUnique' | 'Ambiguous' = 'NotUnique';

  for (const ref of pendingVms(plan)) {
    if (!ref.id && !ref.name) {
      note('VMRefNotValid', vmItem(ref) || `vms[${(plan.spec?.vms ?? []).indexOf(ref)}]`);
      continue;
    }
    const resolution = resolveVm(ref, listed, byId, sourceType);
    if (resolution.state !== 'found') {
      if (resolution.state === 'ambiguous') duplicateReason = 'Ambiguous';
      note(resolution.state === 'ambiguous' ? 'DuplicateVM' : 'VMNotFound', vmItem(ref));
      continue;
    }
    const facts = vmFactsOf(sourceType, resolution.vm, source);
    const item = vmItem(facts);
    if (seenIds.has(facts.id)) {
      note('DuplicateVM', item);
      continue;
    }
    seenIds.add(facts.id);
    resolved.push({ ref, facts, item });
    if (ref.targetName) {
      if (targetNameError(ref.targetName)) note('NotValid', item);
      if (targetNames.has(ref.targetName)) note('DuplicateVM', item);
      targetNames.add(ref.targetName);
    } else if (previewTargetName(facts.name).source === 'renamed') {
      note('TargetNameNotValid', item);
    }
  }
  for (const vm of resolved) for (const type of findingsOf(vm, input)) note(type, vm.item);

  const macs = macConflictCondition(
    resolved.map(({ facts, item }) => ({ item, facts })),
    input.destinationVms,
  );
  // In Forklift's table order (engine.md §4), so the conditions read the same on every pass.
  return [
    ...Object.entries(FINDINGS).flatMap(([type, finding]) => {
      const items = found.get(type);
      if (!items) return [];
      const reason = type === 'DuplicateVM' ? duplicateReason : finding.reason;
      const message =
        type === 'DuplicateVM' && duplicateReason === 'Ambiguous'
          ? 'Some VM names match more than one VM in the source provider inventory; use the id.'
          : finding.message;
      return [{ type, category: finding.category, reason, message, items }];
    }),
    ...(macs ? [macs] : []),
  ].sort((a, b) => order(a.type) - order(b.type));
};

const isInMaintenance = (source: ProviderInventory, hostId: string): boolean =>
  (source.get('hosts', hostId) as { inMaintenance?: boolean } | undefined)?.inMaintenance === true;

type Finding = Pick<ConditionInput, 'category' | 'reason' | 'message'>;

const critical = (reason: string, message: string): Finding => ({
  category: 'Critical',
  reason,
  message,
});

/** Each per-VM condition as Forklift's table has them, in its order. */
const FINDINGS: Record<string, Finding> = {
  VMRefNotValid: critical('NotSet', 'Some VMs name neither an id nor a name.'),
  VMNotFound: critical('NotFound', 'Some VMs are not in the source provider inventory.'),
  DuplicateVM: critical('NotUnique', 'Some VMs are listed more than once, or share a target name.'),
  TargetNameNotValid: {
    category: 'Warn',
    reason: 'NotValid',
    message: 'Some VM names are not valid DNS-1123 subdomains; their target VMs will be renamed.',
  },
  NotValid: critical('NotValid', 'Some target VM names are not valid DNS-1123 subdomains.'),
  VMAlreadyExists: critical(
    'NotUnique',
    'A VirtualMachine with the target name of some VMs already exists in the target namespace.',
  ),
  VMNetworksNotMapped: critical('NotValid', 'Some VMs use networks the network map does not map.'),
  VMStorageNotMapped: critical('NotValid', 'Some VMs use storage the storage map does not map.'),
  VMMultiplePodNetworkMappings: critical(
    'NotValid',
    'Some VMs have more than one interface mapped to the pod network.',
  ),
  HostNotReady: {
    category: 'Warn',
    reason: 'InMaintenanceMode',
    message: 'The hosts of some VMs are in maintenance mode.',
  },
  VMMissingChangedBlockTracking: critical(
    'MissingChangedBlockTracking',
    'Changed Block Tracking (CBT) is not enabled on some VMs; warm migration needs it.',
  ),
  VMHasSnapshots: critical(
    'NotValid',
    'Some VMs have snapshots; remove them before a warm migration.',
  ),
  MacConflicts: critical('NotValid', ''),
  LuksAndClevisIncompatibility: {
    category: 'Warn',
    reason: 'NotValid',
    message: 'Some VMs set both LUKS keys and NBDE (Clevis); NBDE is used.',
  },
  VMCriticalConcerns: critical(
    'NotValid',
    'Some VMs have critical concerns; resolve them before the migration.',
  ),
};

const TYPES = Object.keys(FINDINGS);
const order = (type: string): number => TYPES.indexOf(type);
