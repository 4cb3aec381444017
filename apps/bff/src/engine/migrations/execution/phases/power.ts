// The power phases of a cold migration (reference engine.md §2.4): the source's power state is
// remembered (the target's `auto` power state restores it), the source is asked to shut down, and
// the VM waits until the source itself says it is off.
import type { RunContext, VmContext } from '../context.ts';
import type { PhaseResult } from './phase.ts';

export const storePowerState = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  vm.status.restorePowerState = await run.source.powerState(vm.sourceVm);
  return 'next';
};

export const powerOffSource = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  await run.source.powerOff(vm.sourceVm);
  return 'next';
};

export const waitForPowerOff = async (run: RunContext, vm: VmContext): Promise<PhaseResult> =>
  (await run.source.powerState(vm.sourceVm)) === 'Off' ? 'next' : 'wait';
