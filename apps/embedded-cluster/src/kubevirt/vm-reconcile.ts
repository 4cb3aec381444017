// The VM reconcile: what KubeVirt's VM controller does. The run strategy decides whether the VMI
// should exist; the VM creates, deletes or replaces it, backs off a VMI that keeps failing before
// it ever runs (CrashLoopBackOff), holds its finalizer until its VMI is gone, and reports
// printableStatus, created, ready and conditions from the VMI it has.
import { VirtualMachineInstanceModel, VirtualMachineModel } from '@forklift-console/api';
import {
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { conditionOf, withTransitions, type NewCondition } from './conditions.ts';
import type { LauncherContext } from './context.ts';
import { VM_CONTROLLER, recordKubevirtEvent } from './events.ts';
import { printableStatus } from './printable-status.ts';
import type { Refusal } from './qemu-command.ts';
import { runAction, runStrategyOf } from './run-strategy.ts';
import { ranStably } from './vmi-status.ts';
import {
  VMI_FINALIZER,
  VM_FINALIZER,
  type StartFailure,
  type VirtualMachine,
  type VirtualMachineInstance,
  type VmiSpec,
} from './types.ts';
import { withInstancetype } from './instancetype.ts';

const MAX_BACKOFF_SECONDS = 300;

const vmiApi = {
  group: VirtualMachineInstanceModel.group,
  version: VirtualMachineInstanceModel.version,
  plural: VirtualMachineInstanceModel.plural,
};

const vmiFor = (vm: VirtualMachine, spec: VmiSpec): VirtualMachineInstance => {
  const { name, namespace, uid } = vm.metadata;
  const template = vm.spec.template ?? {};
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name,
      namespace,
      labels: {
        ...template.metadata?.labels,
        'kubevirt.io/domain': name!,
        'vm.kubevirt.io/name': name!,
      },
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      finalizers: [VMI_FINALIZER],
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          name: name!,
          uid: uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  };
};

const deleteVmi = async (context: LauncherContext, vm: VirtualMachine): Promise<void> => {
  try {
    await context.custom.deleteNamespacedCustomObject({
      ...vmiApi,
      namespace: vm.metadata.namespace!,
      name: vm.metadata.name!,
    });
  } catch (error) {
    if (!isApiError(error, 404)) throw error;
  }
};

/** A VMI that failed before it ran stably counts towards the backoff; one that ran resets it. */
const nextStartFailure = (
  vm: VirtualMachine,
  vmi: VirtualMachineInstance,
  now: Date,
): StartFailure | undefined => {
  if (vmi.status?.phase !== 'Failed' || ranStably(vmi, now)) return undefined;
  const count = (vm.status?.startFailure?.consecutiveFailCount ?? 0) + 1;
  const delay = Math.min(MAX_BACKOFF_SECONDS, 10 * 2 ** (count - 1));
  return {
    consecutiveFailCount: count,
    lastFailedVMIUID: vmi.metadata.uid,
    retryAfterTimestamp: new Date(now.getTime() + delay * 1000).toISOString(),
  };
};

/** Failure: the VMI cannot start on this machine, for the reason its conditions give. */
const failureCondition = (vmi: VirtualMachineInstance | undefined): NewCondition[] => {
  const scheduled = conditionOf(vmi?.status?.conditions, 'PodScheduled');
  const synchronized = conditionOf(vmi?.status?.conditions, 'Synchronized');
  const blocked =
    scheduled?.status === 'False'
      ? scheduled
      : synchronized?.status === 'False' && synchronized.reason === 'ErrImagePull'
        ? synchronized
        : undefined;
  if (!blocked) return [];
  return [{ type: 'Failure', status: 'True', reason: blocked.reason, message: blocked.message }];
};

const vmConditions = (vmi: VirtualMachineInstance | undefined): NewCondition[] => {
  const ready = conditionOf(vmi?.status?.conditions, 'Ready');
  const copied = ['Synchronized', 'PodScheduled'].flatMap((type) => {
    const condition = conditionOf(vmi?.status?.conditions, type);
    return condition
      ? [{ type, status: condition.status, reason: condition.reason, message: condition.message }]
      : [];
  });
  return [
    vmi && ready
      ? { type: 'Ready', status: ready.status, reason: ready.reason, message: ready.message }
      : { type: 'Ready', status: 'False', reason: 'VMINotExists', message: 'VMI does not exist' },
    ...failureCondition(vmi),
    ...copied,
  ];
};

const writeVmStatus = async (
  context: LauncherContext,
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
  startFailure: StartFailure | undefined,
  /** Why the VMI could not be created. */
  createFailure?: Refusal,
): Promise<void> => {
  const now = new Date();
  const withFailure = { ...vm, status: { ...vm.status, startFailure } };
  const { startFailure: _previous, ...rest } = vm.status ?? {};
  await writeStatus(context.custom, VirtualMachineModel, vm, {
    ...rest,
    printableStatus: printableStatus(withFailure, vmi, now),
    created: vmi !== undefined,
    ready:
      vmi?.status?.phase === 'Running' &&
      conditionOf(vmi.status.conditions, 'Ready')?.status === 'True',
    runStrategy: runStrategyOf(vm),
    conditions: withTransitions(
      vm.status?.conditions,
      [
        ...vmConditions(vmi),
        ...(createFailure ? [{ type: 'Failure', status: 'True' as const, ...createFailure }] : []),
      ],
      now.toISOString(),
    ),
    ...(startFailure ? { startFailure } : {}),
    observedGeneration: vm.metadata.generation,
    desiredGeneration: vm.metadata.generation,
  });
};

const setFinalizers = async (
  context: LauncherContext,
  vm: VirtualMachine,
  finalizers: string[],
): Promise<void> => {
  const { group, version, plural } = VirtualMachineModel;
  await context.custom.replaceNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: vm.metadata.namespace!,
    name: vm.metadata.name!,
    body: { ...vm, metadata: { ...vm.metadata, finalizers } },
  });
};

/** A deleted VM: its VMI goes first, then the VM's finalizer. */
const terminate = async (
  context: LauncherContext,
  vm: VirtualMachine,
  vmi: VirtualMachineInstance | undefined,
): Promise<ReconcileResult> => {
  if (vmi) {
    if (!vmi.metadata.deletionTimestamp) await deleteVmi(context, vm);
    await writeVmStatus(context, vm, vmi, vm.status?.startFailure);
    return { requeueAfterMs: FAST_REQUEUE_MS };
  }
  const finalizers = vm.metadata.finalizers ?? [];
  if (finalizers.includes(VM_FINALIZER)) {
    await setFinalizers(
      context,
      vm,
      finalizers.filter((finalizer) => finalizer !== VM_FINALIZER),
    );
  }
  return {};
};

export const createVmReconciler =
  (context: LauncherContext) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const read = () =>
      readObject<VirtualMachineInstance>(
        context.custom,
        VirtualMachineInstanceModel,
        namespace,
        name,
      );
    try {
      const vm = await readObject<VirtualMachine>(
        context.custom,
        VirtualMachineModel,
        namespace,
        name,
      );
      if (!vm) return {};
      let vmi = await read();
      if (vm.metadata.deletionTimestamp) return await terminate(context, vm, vmi);
      if (!(vm.metadata.finalizers ?? []).includes(VM_FINALIZER)) {
        await setFinalizers(context, vm, [...(vm.metadata.finalizers ?? []), VM_FINALIZER]);
        return {};
      }
      const now = new Date();
      let startFailure = vm.status?.startFailure;
      let result: ReconcileResult = {};
      switch (runAction(runStrategyOf(vm), vmi)) {
        case 'start': {
          const retryAfter = startFailure?.retryAfterTimestamp;
          const wait = retryAfter ? new Date(retryAfter).getTime() - now.getTime() : 0;
          if (wait > 0) {
            result = { requeueAfterMs: wait };
            break;
          }
          const applied = await withInstancetype(
            context.custom,
            vm,
            vm.spec.template?.spec ?? { domain: {} },
          );
          if ('refusal' in applied) {
            await writeVmStatus(context, vm, undefined, startFailure, applied.refusal);
            return { requeueAfterMs: LONG_REQUEUE_MS };
          }
          await context.custom.createNamespacedCustomObject({
            ...vmiApi,
            namespace,
            body: vmiFor(vm, applied.spec),
          });
          await recordKubevirtEvent(context, vm, {
            type: 'Normal',
            reason: 'SuccessfulCreate',
            message: `Started the virtual machine by creating the new virtual machine instance ${name}`,
            component: VM_CONTROLLER,
          });
          vmi = await read();
          break;
        }
        case 'replace':
          startFailure = nextStartFailure(vm, vmi!, now);
          await deleteVmi(context, vm);
          vmi = await read();
          break;
        case 'stop':
          await deleteVmi(context, vm);
          await recordKubevirtEvent(context, vm, {
            type: 'Normal',
            reason: 'SuccessfulDelete',
            message: `Stopped the virtual machine by deleting the virtual machine instance ${vmi?.metadata.uid}`,
            component: VM_CONTROLLER,
          });
          vmi = await read();
          break;
        case 'none':
          if (vmi?.status?.phase === 'Running' && ranStably(vmi, now)) startFailure = undefined;
          break;
      }
      await writeVmStatus(context, vm, vmi, startFailure);
      return result;
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
  };
