// The VMI reconcile: what virt-controller and virt-handler do for a VirtualMachineInstance, one
// function per phase, deciding from the VMI's status and qemu's run folder alone.
//   Pending     volumes not ready yet (Synchronized False) → the launcher pod is created → Scheduling
//   Scheduling  blocked (no qemu, no OVMF, containerDisk…: PodScheduled False) or → Scheduled
//   Scheduled   qemu started (or a running one adopted) → Running
//   Running     qemu watched; when it ends → Succeeded (clean exit) or Failed
//   deleting    graceful ACPI shutdown, qemu killed after the grace period, pod and run removed
import { VirtualMachineInstanceModel } from '@forklift-console/api';
import {
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  SLOW_REQUEUE_MS,
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { containerLogFile } from '../pods/log-files.ts';
import type { LauncherContext } from './context.ts';
import { SCHEDULER, VIRT_HANDLER, recordKubevirtEvent } from './events.ts';
import { launchPlan } from './launch-plan.ts';
import { createLauncherPod, findLauncherPods, writeLauncherState } from './launcher-pods.ts';
import { exitRecord, launchQemu, runFiles, runningPid } from './qemu-process.ts';
import { collectStaleRuns, terminateVmi } from './vmi-terminate.ts';
import { vmiStatus, type VmiStatusChange } from './vmi-status.ts';
import { VMI_FINALIZER, type VirtualMachineInstance } from './types.ts';
import type { V1Pod } from '@kubernetes/client-node';

const NOT_READY = { type: 'Ready', status: 'False' as const };

const writeVmiStatus = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
  change: VmiStatusChange,
): Promise<void> => {
  await writeStatus(
    context.custom,
    VirtualMachineInstanceModel,
    vmi,
    vmiStatus(vmi, change, new Date().toISOString()),
  );
};

const podIdentity = (pod: V1Pod) => ({
  namespace: pod.metadata!.namespace!,
  name: pod.metadata!.name!,
  uid: pod.metadata!.uid!,
});

const launcherPod = async (context: LauncherContext, vmi: VirtualMachineInstance) =>
  (await findLauncherPods(context, vmi.metadata.namespace!, vmi.metadata.uid!))[0];

const serialLogOf = (context: LauncherContext, pod: V1Pod) =>
  containerLogFile(context.dataDir, podIdentity(pod), 'guest-console-log');

/** Pending: the volumes must be there before the launcher pod is made. */
const schedule = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<ReconcileResult> => {
  await collectStaleRuns(context, vmi);
  const pod = (await launcherPod(context, vmi)) ?? undefined;
  // The serial log's path is the pod's; any path does while only the volumes are being looked at.
  const plan = await launchPlan(context, vmi, pod ? serialLogOf(context, pod) : '');
  if (plan.kind === 'waiting') {
    await writeVmiStatus(context, vmi, {
      phase: 'Pending',
      conditions: [
        { type: 'Synchronized', status: 'False', ...plan.wait },
        { ...NOT_READY, reason: 'GuestNotRunning', message: 'Guest VM is not reported as running' },
      ],
    });
    return { requeueAfterMs: SLOW_REQUEUE_MS };
  }
  const created = pod ?? (await createLauncherPod(context, vmi));
  await writeVmiStatus(context, vmi, {
    phase: 'Scheduling',
    nodeName: context.nodeName,
    podUid: created.metadata!.uid!,
    conditions: [
      { ...NOT_READY, reason: 'GuestNotRunning', message: 'Guest VM is not reported as running' },
    ],
  });
  return {};
};

/** Scheduling: the pod is placed on this node unless something the VMI needs is missing. */
const admit = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<ReconcileResult> => {
  const pod = await launcherPod(context, vmi);
  if (!pod) return schedule(context, vmi);
  const plan = await launchPlan(context, vmi, serialLogOf(context, pod));
  if (plan.kind === 'waiting') {
    await writeVmiStatus(context, vmi, {
      phase: 'Scheduling',
      conditions: [
        { type: 'Synchronized', status: 'False', ...plan.wait },
        { ...NOT_READY, reason: 'GuestNotRunning', message: 'Guest VM is not reported as running' },
      ],
    });
    return { requeueAfterMs: SLOW_REQUEUE_MS };
  }
  if (plan.kind === 'blocked') {
    const { reason, message } = plan.refusal;
    const imagePull = reason === 'ErrImagePull';
    await writeLauncherState(
      context,
      pod,
      imagePull ? { kind: 'imagePull', message } : { kind: 'unschedulable', message },
    );
    await recordKubevirtEvent(
      context,
      { apiVersion: 'v1', kind: 'Pod', metadata: pod.metadata },
      {
        type: 'Warning',
        reason: imagePull ? 'Failed' : 'FailedScheduling',
        message,
        component: imagePull ? 'kubelet' : SCHEDULER,
      },
    );
    await writeVmiStatus(context, vmi, {
      phase: 'Scheduling',
      conditions: [
        imagePull
          ? { type: 'Synchronized', status: 'False', reason, message }
          : { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message },
        { ...NOT_READY, reason: imagePull ? reason : 'PodNotScheduled', message },
      ],
    });
    // Someone may install what is missing: look again now and then.
    return { requeueAfterMs: LONG_REQUEUE_MS };
  }
  await writeLauncherState(context, pod, { kind: 'starting' });
  await writeVmiStatus(context, vmi, {
    phase: 'Scheduled',
    conditions: [
      { ...NOT_READY, reason: 'GuestNotRunning', message: 'Guest VM is not reported as running' },
    ],
  });
  return {};
};

/** Scheduled: start qemu, or adopt the one a previous run of the cluster started. */
const launch = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<ReconcileResult> => {
  const pod = await launcherPod(context, vmi);
  if (!pod) return schedule(context, vmi);
  const plan = await launchPlan(context, vmi, serialLogOf(context, pod));
  if (plan.kind !== 'ready') return admit(context, vmi);
  const { files } = plan;
  const key = `${vmi.metadata.namespace}/${vmi.metadata.name}`;
  let pid = await runningPid(files);
  if (pid === undefined) {
    pid = await launchQemu({
      binary: plan.binary,
      args: plan.args,
      files,
      outputLog: containerLogFile(context.dataDir, podIdentity(pod), 'compute'),
      serialLog: serialLogOf(context, pod),
      onExit: () => context.requeueVmi(key),
    });
    context.logger.info({ vmi: key, pid }, 'qemu started');
    await recordKubevirtEvent(context, vmi, {
      type: 'Normal',
      reason: 'Started',
      message: 'VirtualMachineInstance started.',
      component: VIRT_HANDLER,
    });
  }
  context.processes.add(pid);
  await writeLauncherState(context, pod, { kind: 'running', startedAt: new Date(), pid });
  await writeVmiStatus(context, vmi, {
    phase: 'Running',
    interfaces: plan.interfaces,
    topology: plan.topology,
    conditions: [{ type: 'Ready', status: 'True' }],
  });
  return { requeueAfterMs: SLOW_REQUEUE_MS };
};

/** Running: qemu is watched (its exit requeues; an adopted one is polled) until it ends. */
const watchRunning = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<ReconcileResult> => {
  const files = runFiles(context.dataDir, vmi.metadata.uid!);
  const pod = await launcherPod(context, vmi);
  const pid = await runningPid(files);
  if (pid !== undefined) {
    context.processes.add(pid);
    const startedAt = pod?.status?.containerStatuses?.[0]?.state?.running?.startedAt ?? new Date();
    if (pod) await writeLauncherState(context, pod, { kind: 'running', startedAt, pid });
    return { requeueAfterMs: SLOW_REQUEUE_MS };
  }
  const exit = await exitRecord(files);
  const clean = exit?.exitCode === 0;
  const message = !exit
    ? 'qemu was gone when the embedded cluster looked again (it stopped while the cluster was not running)'
    : exit.signal
      ? `qemu was killed by ${exit.signal}`
      : clean
        ? 'the guest shut down'
        : `qemu exited with status ${exit.exitCode}; see the compute container's log`;
  const finishedAt = exit ? new Date(exit.finishedAt) : new Date();
  if (pod) {
    await writeLauncherState(context, pod, {
      kind: 'terminated',
      startedAt: pod.status?.containerStatuses?.[0]?.state?.running?.startedAt,
      finishedAt,
      exitCode: exit?.exitCode ?? (exit?.signal ? 137 : 255),
      reason: clean ? 'Completed' : 'Error',
      message,
    });
  }
  await writeVmiStatus(context, vmi, {
    phase: clean ? 'Succeeded' : 'Failed',
    conditions: [{ ...NOT_READY, reason: clean ? 'PodCompleted' : 'PodFailed', message }],
    ...(clean ? {} : { reason: message }),
  });
  return {};
};

const ensureFinalizer = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<boolean> => {
  if (vmi.metadata.finalizers?.includes(VMI_FINALIZER)) return true;
  const { group, version, plural } = VirtualMachineInstanceModel;
  await context.custom.replaceNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: vmi.metadata.namespace!,
    name: vmi.metadata.name!,
    body: {
      ...vmi,
      metadata: {
        ...vmi.metadata,
        finalizers: [...(vmi.metadata.finalizers ?? []), VMI_FINALIZER],
      },
    },
  });
  return false;
};

export const createVmiReconciler =
  (context: LauncherContext) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const vmi = await readObject<VirtualMachineInstance>(
      context.custom,
      VirtualMachineInstanceModel,
      namespace,
      name,
    );
    try {
      if (!vmi) {
        await collectStaleRuns(context, { metadata: { namespace, name } });
        return {};
      }
      if (vmi.metadata.deletionTimestamp) return await terminateVmi(context, vmi);
      if (!(await ensureFinalizer(context, vmi))) return { requeueAfterMs: FAST_REQUEUE_MS };
      switch (vmi.status?.phase ?? '') {
        case '':
        case 'Pending':
          return await schedule(context, vmi);
        case 'Scheduling':
          return await admit(context, vmi);
        case 'Scheduled':
          return await launch(context, vmi);
        case 'Running':
          return await watchRunning(context, vmi);
        default:
          return {};
      }
    } catch (error) {
      // Someone else wrote the VMI or pod since it was read: read afresh and decide again.
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
  };
