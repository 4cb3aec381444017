// MacConflicts (reference engine.md §4): KubeVirt keeps a VM's MAC addresses, and two VMs with one
// MAC on a network break each other, so a source VM whose MAC a VirtualMachine of the destination
// cluster already uses (in any namespace: the MAC pool is the cluster's) cannot be migrated as is.
import type { ConditionInput } from '../conditions.ts';
import type { VmFacts } from './vm-facts.ts';

/**
 * A VirtualMachine of the destination cluster with the MACs its interfaces ask for, and the UID of
 * the plan that migrated it (its `plan` label), if any.
 */
export type DestinationVm = { namespace: string; name: string; macs: string[]; plan?: string };

type Json = Record<string, unknown>;

/** The destination inventory's `vms` (detail 1, with the VirtualMachine object) as MAC owners. */
export const destinationVmsOf = (listed: readonly unknown[]): DestinationVm[] =>
  listed.map((entry) => {
    const vm = entry as { namespace?: string; name?: string; object?: Json };
    const spec = vm.object?.spec as Json | undefined;
    const template = spec?.template as Json | undefined;
    const domain = (template?.spec as Json | undefined)?.domain as Json | undefined;
    const interfaces = (domain?.devices as Json | undefined)?.interfaces;
    const macs = (Array.isArray(interfaces) ? (interfaces as Json[]) : [])
      .map((nic) => (typeof nic.macAddress === 'string' ? nic.macAddress : ''))
      .filter((mac) => mac !== '');
    const labels = (vm.object?.metadata as { labels?: Record<string, string> } | undefined)?.labels;
    return { namespace: vm.namespace ?? '', name: vm.name ?? '', macs, plan: labels?.plan };
  });

const normalized = (mac: string): string => mac.toLowerCase().replaceAll('-', ':');

export const macConflictCondition = (
  vms: readonly { item: string; facts: VmFacts }[],
  destinationVms: readonly DestinationVm[],
): ConditionInput | undefined => {
  const owners = new Map<string, string>();
  for (const vm of destinationVms) {
    for (const mac of vm.macs) owners.set(normalized(mac), `${vm.namespace}/${vm.name}`);
  }
  const items: string[] = [];
  const pairs: string[] = [];
  for (const { item, facts } of vms) {
    const clashes = facts.nics.flatMap(({ mac }) => {
      const owner = mac ? owners.get(normalized(mac)) : undefined;
      return owner ? [`${mac} (used by ${owner})`] : [];
    });
    if (clashes.length === 0) continue;
    items.push(item);
    pairs.push(`${facts.name}: ${clashes.join(', ')}`);
  }
  if (items.length === 0) return undefined;
  return {
    type: 'MacConflicts',
    category: 'Critical',
    reason: 'NotValid',
    message: `Source VMs have MAC addresses that destination VMs already use: ${pairs.join('; ')}.`,
    items,
  };
};
