// The VM's `status.printableStatus`, as virt-controller picks it: the first that applies, in
// KubeVirt's precedence (Terminating > Stopping > Running > waiting for volumes > errors >
// Starting > CrashLoopBackOff > Stopped).
import { conditionOf } from './conditions.ts';
import type { VirtualMachine, VirtualMachineInstance } from './types.ts';

/** The VMI's Synchronized reason for its volumes → the VM's printableStatus. */
const VOLUME_STATUS: Record<string, string> = {
  FailedPvcNotFound: 'ErrorPvcNotFound',
  PvcNotBound: 'WaitingForVolumeBinding',
  FailedDataVolumeNotFound: 'ErrorDataVolumeNotFound',
  DataVolumeFailed: 'DataVolumeError',
  DataVolumeNotReady: 'Provisioning',
  ErrImagePull: 'ErrImagePull',
};

export const printableStatus = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
  now: Date,
): string => {
  if (vm.metadata.deletionTimestamp) return 'Terminating';
  if (vmi?.metadata.deletionTimestamp) return 'Stopping';
  const phase = vmi?.status?.phase ?? '';
  if (phase === 'Running') return 'Running';
  if (vmi && phase !== 'Succeeded' && phase !== 'Failed') {
    const synchronized = conditionOf(vmi.status?.conditions, 'Synchronized');
    const volumes = synchronized?.status === 'False' && VOLUME_STATUS[synchronized.reason ?? ''];
    if (volumes) return volumes;
    const scheduled = conditionOf(vmi.status?.conditions, 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
      return 'ErrorUnschedulable';
    }
    return 'Starting';
  }
  const retryAfter = vm.status?.startFailure?.retryAfterTimestamp;
  if (retryAfter && new Date(retryAfter) > now) return 'CrashLoopBackOff';
  return 'Stopped';
};
