// CreateVM (reference engine.md §8.3 EnsureVM): the VirtualMachine found by its labels, else
// built and created; its claims become its own (ownerReference) and the DataVolumes, done with,
// are deleted — the PVCs stay, held by the VM.
import type { KubernetesObject } from '@kubernetes/client-node';
import { claimOwnerReference, virtualMachine } from '../../targets/index.ts';
import { DATA_VOLUME, VIRTUAL_MACHINE, withKind } from '../cluster.ts';
import {
  migrationVmLabels,
  targetContextOf,
  targetNamespaceOf,
  type RunContext,
  type VmContext,
} from '../context.ts';
import { executionLabels, labelled } from '../owned.ts';
import { addError, findStep } from '../pipeline.ts';
import type { PowerState } from '../../source-vm.ts';
import { claimsOf, labelClaims } from './claims.ts';
import { listDataVolumes } from './disks.ts';
import type { PhaseResult } from './phase.ts';

const COPIED_PHASES = new Set(['Succeeded', 'PendingPopulation']);

const restorePowerStateOf = (vm: VmContext): PowerState => {
  const state = vm.status.restorePowerState;
  return state === 'On' || state === 'Off' ? state : 'Unknown';
};

export const createVm = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  const step = findStep(vm.status, 'VirtualMachineCreation');
  const dataVolumes = await listDataVolumes(run, vm);
  // A VM is made only of disks whose copy finished: never of a half-filled claim.
  if (dataVolumes.some((dataVolume) => !COPIED_PHASES.has(dataVolume.status?.phase ?? ''))) {
    addError(step ?? vm.status, 'CreateVM', ['A disk of the VM has not been copied.']);
    return 'wait';
  }
  const claims = await claimsOf(run, vm);
  if (claims.length < vm.sourceVm.disks.length) {
    addError(step ?? vm.status, 'CreateVM', ['A disk of the VM has no PersistentVolumeClaim.']);
    return 'wait';
  }
  const labels = executionLabels(run, vm.status.id);
  await labelClaims(run, claims, labels);
  const namespace = targetNamespaceOf(run);
  let [target] = await run.cluster.list(
    VIRTUAL_MACHINE,
    namespace,
    migrationVmLabels(run, vm.status),
  );
  if (!target) {
    const built = virtualMachine(targetContextOf(run, vm), {
      claims,
      restorePowerState: restorePowerStateOf(vm),
      conversion: {
        ...(vm.status.firmware === 'bios' || vm.status.firmware === 'efi'
          ? { firmware: vm.status.firmware }
          : {}),
        ...(vm.status.detectedBootDisk !== undefined
          ? { detectedBootDisk: vm.status.detectedBootDisk }
          : {}),
      },
    }) as KubernetesObject;
    target = await run.cluster.create(
      withKind(VIRTUAL_MACHINE, labelled(built, labels, targetNamespaceOf(run))),
    );
  }
  await labelClaims(run, claims, labels, claimOwnerReference(target));
  for (const dataVolume of dataVolumes) {
    await run.cluster.delete(withKind(DATA_VOLUME, dataVolume));
  }
  if (step) step.progress.completed = 1;
  return 'next';
};
