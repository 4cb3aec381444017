// Whether a VirtualMachine wants its VirtualMachineInstance, as KubeVirt's VM controller decides
// from `spec.runStrategy` (or the older `spec.running`) and the state of the VMI it has now.
import type { RunStrategy, VirtualMachine, VirtualMachineInstance } from './types.ts';

export const runStrategyOf = (vm: VirtualMachine): RunStrategy => {
  if (vm.spec.runStrategy) return vm.spec.runStrategy;
  return vm.spec.running ? 'Always' : 'Halted';
};

const isFinal = (vmi: VirtualMachineInstance | undefined): boolean =>
  vmi?.status?.phase === 'Succeeded' || vmi?.status?.phase === 'Failed';

/**
 * `start`: create the VMI; `stop`: delete it (a graceful shutdown); `replace`: delete a finished
 * VMI so that the next reconcile starts a new one; `none`: leave things as they are.
 */
export type RunAction = 'start' | 'stop' | 'replace' | 'none';

export const runAction = (
  strategy: RunStrategy,
  vmi: VirtualMachineInstance | undefined,
): RunAction => {
  if (vmi?.metadata.deletionTimestamp) return 'none';
  switch (strategy) {
    case 'Halted':
      return vmi ? 'stop' : 'none';
    case 'Manual':
      return 'none';
    case 'Always':
      if (!vmi) return 'start';
      return isFinal(vmi) ? 'replace' : 'none';
    case 'RerunOnFailure':
      if (!vmi) return 'start';
      return vmi.status?.phase === 'Failed' ? 'replace' : 'none';
    case 'Once':
      // A finished VMI stays: the VM ran once. Deleting it is how a user runs it once more.
      return vmi ? 'none' : 'start';
  }
};
