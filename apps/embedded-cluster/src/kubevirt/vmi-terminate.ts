// The end of a VMI: a graceful ACPI shutdown through QMP, qemu killed once the grace period is
// over, then its launcher pod, the pod's logs and the run folder removed and the finalizer let go.
// Runs whose VMI is gone (or was replaced by a new one of the same name) are collected the same way.
import { VirtualMachineInstanceModel } from '@forklift-console/api';
import { isApiError, type ReconcileResult } from '@forklift-console/controller-runtime';
import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { LauncherContext } from './context.ts';
import { VIRT_HANDLER, recordKubevirtEvent } from './events.ts';
import { deleteLauncherPod, findLauncherPods } from './launcher-pods.ts';
import {
  killProcess,
  listRuns,
  powerdownAskedAt,
  removeRun,
  runFiles,
  runningPid,
  systemPowerdown,
  type RunIdentity,
} from './qemu-process.ts';
import { VMI_FINALIZER, type VirtualMachineInstance } from './types.ts';

/** KubeVirt's default terminationGracePeriodSeconds for a VMI. */
const DEFAULT_GRACE_SECONDS = 180;
const POLL_MS = 500;

/** Stops the run's qemu: undefined once it is gone, else when to look again. */
const stopQemu = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
  graceSeconds: number,
): Promise<number | undefined> => {
  const uid = vmi.metadata.uid ?? '';
  const files = runFiles(context.dataDir, uid);
  const pid = await runningPid(files);
  if (pid === undefined) return undefined;
  const askedAt = await powerdownAskedAt(files);
  if (!askedAt) {
    try {
      await systemPowerdown(files);
      await recordKubevirtEvent(context, vmi, {
        type: 'Normal',
        reason: 'ShuttingDown',
        message: 'Signaled Graceful Shutdown',
        component: VIRT_HANDLER,
      });
    } catch (error) {
      context.logger.warn({ uid, err: String(error) }, 'ACPI shutdown failed; killing qemu');
      killProcess(pid);
    }
    return POLL_MS;
  }
  if (Date.now() - askedAt.getTime() >= graceSeconds * 1000) killProcess(pid);
  return POLL_MS;
};

const removeEverything = async (context: LauncherContext, run: RunIdentity): Promise<void> => {
  if (run.namespace) {
    for (const pod of await findLauncherPods(context, run.namespace, run.uid)) {
      await deleteLauncherPod(context, pod);
    }
  }
  const files = runFiles(context.dataDir, run.uid);
  const pid = await runningPid(files);
  if (pid !== undefined) context.processes.delete(pid);
  await removeRun(files);
};

export const terminateVmi = async (
  context: LauncherContext,
  vmi: VirtualMachineInstance,
): Promise<ReconcileResult> => {
  const { namespace = '', name = '', uid = '' } = vmi.metadata;
  const grace = vmi.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const again = await stopQemu(context, vmi, grace);
  if (again !== undefined) return { requeueAfterMs: again };
  await removeEverything(context, { namespace, name, uid });
  if (!vmi.metadata.finalizers?.includes(VMI_FINALIZER)) return {};
  const { group, version, plural } = VirtualMachineInstanceModel;
  try {
    await context.custom.replaceNamespacedCustomObject({
      group,
      version,
      plural,
      namespace,
      name,
      body: {
        ...vmi,
        metadata: {
          ...vmi.metadata,
          finalizers: vmi.metadata.finalizers.filter((finalizer) => finalizer !== VMI_FINALIZER),
        },
      },
    });
  } catch (error) {
    if (!isApiError(error, 404)) throw error;
  }
  return {};
};

/**
 * Runs under this VMI's namespace and name that are not this VMI's: their qemu is killed at once
 * (nothing is left to shut down gracefully for), their pods and files removed.
 */
export const collectStaleRuns = async (
  context: LauncherContext,
  vmi: { metadata: V1ObjectMeta },
): Promise<void> => {
  for (const run of await listRuns(context.dataDir)) {
    const sameName = run.namespace === vmi.metadata.namespace && run.name === vmi.metadata.name;
    if (!sameName || run.uid === vmi.metadata.uid) continue;
    const pid = await runningPid(runFiles(context.dataDir, run.uid));
    if (pid !== undefined) {
      killProcess(pid);
      context.logger.info({ vmi: `${run.namespace}/${run.name}`, pid }, 'stale qemu killed');
    }
    await removeEverything(context, run);
  }
};
