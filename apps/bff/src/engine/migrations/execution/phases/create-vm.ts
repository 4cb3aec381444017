// CreateVM (reference engine.md §8.3 EnsureVM): the VirtualMachine found by its labels, else
// built and created; its claims become its own (ownerReference) and the DataVolumes, done with,
// are deleted — the PVCs stay, held by the VM. An OpenShift source's ConfigMaps and Secrets come
// along first, since the VM names them.
import type { KubernetesObject } from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';
import { claimOwnerReference, virtualMachine } from '../../targets/index.ts';
import { configCopy, configReferencesOf } from '../../targets/config-copies.ts';
import { CONFIG_MAP, DATA_VOLUME, SECRET, VIRTUAL_MACHINE, withKind } from '../cluster.ts';
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

/**
 * The ConfigMaps and Secrets the source VM names, copied beside the new VM (§8.3 OCP); one already
 * there by that name is left as it is (the source's own, in its namespace, or an earlier pass's
 * copy). Returns the reference the source lacks, which the VM could never start without.
 */
const copyConfigs = async (
  run: RunContext,
  vm: VmContext,
  namespace: string,
): Promise<string | undefined> => {
  const { readConfig } = run.source;
  if (!readConfig) return undefined;
  for (const reference of configReferencesOf(vm.sourceVm.object)) {
    const kind = reference.kind === 'Secret' ? SECRET : CONFIG_MAP;
    if (await run.cluster.read(kind, namespace, reference.name)) continue;
    const source = await readConfig(vm.sourceVm, reference);
    if (!source) return `${reference.kind} ${vm.sourceVm.namespace ?? ''}/${reference.name}`;
    await run.cluster.create(configCopy(source, namespace)).catch((error: unknown) => {
      // Another pass made it between the read and now.
      if (!isApiError(error, 409)) throw error;
    });
  }
  return undefined;
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
    const missing = await copyConfigs(run, vm, namespace);
    if (missing) {
      addError(step ?? vm.status, 'CreateVM', [`The source VM uses ${missing}, which is gone.`]);
      return 'wait';
    }
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
