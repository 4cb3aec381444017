// The Started phase (reference engine.md §2.4, §7.6): the VM and its first step start, what an
// earlier run of this plan left for this VM is cleaned up, and the target name is settled —
// the chosen one, the source's when Kubernetes takes it, or the adjusted one, made unique.
import { adjustVmName, isDns1123Subdomain, randomNameSuffix } from '@forklift-console/api';
import { cleanupEarlierRuns } from '../cleanup.ts';
import { VIRTUAL_MACHINE } from '../cluster.ts';
import { targetNamespaceOf, type RunContext, type VmContext } from '../context.ts';
import { addError, findStep, startStep } from '../pipeline.ts';
import { markStarted } from '../timed.ts';
import type { PhaseResult } from './phase.ts';

const NAME_ROOM = 58;

const vmExists = async (run: RunContext, name: string): Promise<boolean> =>
  !!(await run.cluster.read(VIRTUAL_MACHINE, targetNamespaceOf(run), name));

/** Target names other VMs of this migration already hold. */
const namesTaken = (run: RunContext, vm: VmContext): Set<string> =>
  new Set(
    (run.plan.status?.migration?.vms ?? [])
      .filter((other) => other.id !== vm.status.id)
      .map((other) => other.newName || other.targetName || other.name || ''),
  );

// The names given in this pass, which the plan's status as read does not hold yet: the VMs of a
// pass start side by side, so a name is claimed before the first wait, where another VM could
// pick the same one.
const claimedInPass = new WeakMap<RunContext, Set<string>>();

/** Claims `name` for this pass; false when another VM of the pass claimed it first. */
const claim = (run: RunContext, name: string): boolean => {
  let claimed = claimedInPass.get(run);
  if (!claimed) claimedInPass.set(run, (claimed = new Set()));
  if (claimed.has(name)) return false;
  claimed.add(name);
  return true;
};

export const resolveTargetName = async (
  run: RunContext,
  vm: VmContext,
): Promise<string | undefined> => {
  const taken = namesTaken(run, vm);
  const chosen = vm.planVm.targetName;
  if (chosen) {
    if (!isDns1123Subdomain(chosen))
      return `Target name '${chosen}' is not a valid DNS-1123 subdomain.`;
    if (taken.has(chosen) || !claim(run, chosen) || (await vmExists(run, chosen))) {
      return `Target name '${chosen}' is already used by a VirtualMachine in ${targetNamespaceOf(run)}.`;
    }
    vm.status.newName = chosen;
    return undefined;
  }
  if (isDns1123Subdomain(vm.sourceVm.name)) {
    // Kept as it is, but no other VM of the pass is given it as an adjusted name.
    claim(run, vm.sourceVm.name);
    return undefined;
  }
  if (vm.status.newName) return undefined;
  let name = adjustVmName(vm.sourceVm.name);
  if (taken.has(name) || !claim(run, name) || (await vmExists(run, name))) {
    name = `${name.slice(0, NAME_ROOM)}-${randomNameSuffix()}`;
    claim(run, name);
  }
  vm.status.newName = name;
  return undefined;
};

export const started = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  markStarted(vm.status, run.now);
  const step = findStep(vm.status, 'Initialize');
  if (step && !step.started) startStep(step, run.now);
  await cleanupEarlierRuns(run, vm.status);
  const problem = await resolveTargetName(run, vm);
  if (problem) {
    addError(step ?? vm.status, 'Started', [problem]);
    return 'wait';
  }
  return 'next';
};
