// The guest conversion phases (reference engine.md §2.4, §8.5): one virt-v2v Pod per VM, found by
// its labels before it is made; ConvertGuest and CopyDisksVirtV2V follow its phase. A failed pod
// fails the VM with Forklift's sentence, the reason the container left in its termination
// message, and virt-v2v's own error from the end of its log: its fail-fast (a guest it cannot
// inspect, say) is then readable where the VM's error is shown, not only in the pod log.
// A pod that failed because its node went away (standalone: the app killed and restarted under
// it) said nothing about the guest: unlike Forklift, which fails the VM for any failed pod, the
// conversion runs again in a fresh pod, made before the lost one is deleted so that a crash in
// between leaves a pod to follow, never none.
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

/** Why a pod fails when its node, not its containers, ended it (the embedded cluster's restart,
 * the kubelet's graceful node shutdown, the node lifecycle controller). */
const NODE_LOST_REASONS = new Set(['NodeRestarted', 'NodeLost', 'Shutdown', 'Terminated']);

export const lostToNode = (pod: V1Pod): boolean =>
  pod.status?.phase === 'Failed' &&
  (NODE_LOST_REASONS.has(pod.status.reason ?? '') ||
    (pod.status.conditions ?? []).some(
      (condition) => condition.type === 'DisruptionTarget' && condition.status === 'True',
    ));

const conversionPods = (run: RunContext, vm: VmContext): Promise<V1Pod[]> =>
  run.cluster.list<V1Pod>(POD, targetNamespaceOf(run), {
    ...migrationVmLabels(run, vm.status),
    ...CONVERSION_POD_LABELS,
  });

/** The VM's conversion pod of this run; pods lost to their node, or being deleted, are not it. */
const findConversionPod = async (run: RunContext, vm: VmContext): Promise<V1Pod | undefined> =>
  (await conversionPods(run, vm)).find(
    (pod) => !pod.metadata?.deletionTimestamp && !lostToNode(pod),
  );

/**
 * The VM's conversion pod, created when there is none to follow; pods lost to their node are
 * deleted once their successor exists. Answers whether a pod was created.
 */
const ensureConversionPod = async (run: RunContext, vm: VmContext): Promise<boolean> => {
  const pods = await conversionPods(run, vm);
  const current = pods.find((pod) => !pod.metadata?.deletionTimestamp && !lostToNode(pod));
  if (!current) await createConversionPod(run, vm);
  for (const pod of pods.filter(lostToNode)) await run.cluster.delete(withKind(POD, pod));
  return !current;
};

const createConversionPod = async (run: RunContext, vm: VmContext): Promise<void> => {
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
};

export const createGuestConversionPod = async (
  run: RunContext,
  vm: VmContext,
): Promise<PhaseResult> => {
  // With CDI copying first, the copy is done: a later resume may skip it.
  if (vm.flags.cdiDiskCopy) vm.status.disksCopied = true;
  await ensureConversionPod(run, vm);
  return 'next';
};

/** Why the pod's containers ended, as they said in their termination messages. */
const terminationReasons = (pod: V1Pod): string[] =>
  (pod.status?.containerStatuses ?? [])
    .map((status) => status.state?.terminated?.message?.trim() ?? '')
    .filter((message) => message.length > 0);

/**
 * The pod's outcome for the step of the current phase; a pod lost to its node is replaced by a
 * fresh one, a pod gone otherwise (deleted by someone) fails the step.
 */
const followPod = async (
  run: RunContext,
  vm: VmContext,
  done: (pod: V1Pod) => boolean,
): Promise<PhaseResult> => {
  const step = findStep(vm.status, stepOfPhase(vm.status.phase));
  if ((await conversionPods(run, vm)).some(lostToNode) && (await ensureConversionPod(run, vm))) {
    run.logger.warn(
      { vm: vm.status.id },
      'the guest conversion pod was lost to a node restart: converting again in a new pod',
    );
    return 'wait';
  }
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
