// The guest conversion phases (reference engine.md §2.4, §8.5): one virt-v2v Pod per VM, found by
// its labels before it is made; ConvertGuest and CopyDisksVirtV2V follow its phase. A failed pod
// fails the VM with Forklift's sentence, the reason the container left in its termination
// message, and virt-v2v's own error from the end of its log: its fail-fast (a guest it cannot
// inspect, say) is then readable where the VM's error is shown, not only in the pod log.
import type { KubernetesObject, V1Pod } from '@kubernetes/client-node';
import { CONVERSION_CONTAINER, conversionPod } from '../../targets/index.ts';
import { POD, withKind } from '../cluster.ts';
import {
  migrationVmLabels,
  targetContextOf,
  targetNamespaceOf,
  type RunContext,
  type VmContext,
} from '../context.ts';
import { stepOfPhase } from '../itinerary.ts';
import { executionLabels, labelled } from '../owned.ts';
import { addError, findStep } from '../pipeline.ts';
import { markCompleted } from '../timed.ts';
import { virtV2vErrors } from '../virt-v2v-errors.ts';
import { claimsOf } from './claims.ts';
import { ensureConversionSecret, ensureOvaShare } from './disks.ts';
import type { PhaseResult } from './phase.ts';

export const CONVERSION_POD_LABELS = { 'forklift.app': 'virt-v2v' };

export const GUEST_CONVERSION_FAILED = 'Guest conversion failed. See pod logs for details.';

export const findConversionPod = async (
  run: RunContext,
  vm: VmContext,
): Promise<V1Pod | undefined> => {
  const pods = await run.cluster.list<V1Pod>(POD, targetNamespaceOf(run), {
    ...migrationVmLabels(run, vm.status),
    ...CONVERSION_POD_LABELS,
  });
  return pods[0];
};

export const createGuestConversionPod = async (
  run: RunContext,
  vm: VmContext,
): Promise<PhaseResult> => {
  // With CDI copying first, the copy is done: a later resume may skip it.
  if (vm.flags.cdiDiskCopy) vm.status.disksCopied = true;
  if (await findConversionPod(run, vm)) return 'next';
  const secretName = await ensureConversionSecret(run, vm);
  const claims = await claimsOf(run, vm);
  const pod = conversionPod(targetContextOf(run, vm), {
    claims,
    secretName,
    ...(run.sourceProvider.spec?.type === 'ova'
      ? { ovaClaimName: await ensureOvaShare(run, vm) }
      : {}),
  }) as KubernetesObject;
  await run.cluster.create(
    withKind(
      POD,
      labelled(
        pod,
        { ...executionLabels(run, vm.status.id), ...CONVERSION_POD_LABELS },
        targetNamespaceOf(run),
      ),
    ),
  );
  return 'next';
};

/** Why the pod's containers ended, as they said in their termination messages. */
const terminationReasons = (pod: V1Pod): string[] =>
  (pod.status?.containerStatuses ?? [])
    .map((status) => status.state?.terminated?.message?.trim() ?? '')
    .filter((message) => message.length > 0);

/** The pod's outcome for the step of the current phase; a pod that is gone is recreated. */
const followPod = async (
  run: RunContext,
  vm: VmContext,
  done: (pod: V1Pod) => boolean,
): Promise<PhaseResult> => {
  const step = findStep(vm.status, stepOfPhase(vm.status.phase));
  const pod = await findConversionPod(run, vm);
  if (!pod) {
    addError(step ?? vm.status, vm.status.phase, ['The guest conversion pod is gone.']);
    return 'wait';
  }
  if (pod.status?.phase === 'Failed') {
    // virt-v2v prints its error, then its clean-up's debug output: 500 lines reach back to it.
    const log = await run.cluster.podLogTail(pod, CONVERSION_CONTAINER, 500);
    addError(step ?? vm.status, vm.status.phase, [
      GUEST_CONVERSION_FAILED,
      ...terminationReasons(pod),
      ...virtV2vErrors(log),
    ]);
    return 'wait';
  }
  return done(pod) ? 'next' : 'wait';
};

/**
 * ConvertGuest: done when the pod succeeds; when virt-v2v also copies the disks, as soon as it runs
 * (Forklift waits for its first copy progress, which the CopyDisksVirtV2V step then follows).
 */
export const convertGuest = (run: RunContext, vm: VmContext): Promise<PhaseResult> =>
  followPod(
    run,
    vm,
    (pod) =>
      pod.status?.phase === 'Succeeded' ||
      (vm.flags.virtV2vDiskCopy && pod.status?.phase === 'Running'),
  );

export const copyDisksVirtV2v = async (run: RunContext, vm: VmContext): Promise<PhaseResult> => {
  const result = await followPod(run, vm, (pod) => pod.status?.phase === 'Succeeded');
  const step = findStep(vm.status, 'DiskTransferV2v');
  if (result === 'next' && step) {
    for (const task of step.tasks ?? []) {
      task.progress.completed = task.progress.total;
      task.phase = 'Completed';
      markCompleted(task, run.now);
    }
  }
  return result;
};
