// An OpenShift (KubeVirt) VM's power, read from and driven on its own cluster: the host cluster
// through the engine's credentials, a remote one through the provider's token. Forklift stops a
// source VM by setting `spec.runStrategy: Halted` (dropping the older `spec.running`, which
// KubeVirt refuses beside a runStrategy) and starts it with `Always`. The same access reads the
// ConfigMaps and Secrets the VM names, which its copy in another namespace needs.
import {
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '@forklift-console/api';
import { isApiError } from '@forklift-console/controller-runtime';
import type { Logger } from '../../../logging.ts';
import { toKubeFailure } from '../../../kube/errors.ts';
import type { PowerState, SourceVm } from '../source-vm.ts';
import { objectAt, text, type Json } from './inventory-json.ts';
import { openshiftPowerState } from './openshift-vm.ts';
import type { SourcePower } from './source-adapter.ts';

const label = (vm: SourceVm) => `${vm.namespace ?? ''}/${vm.name}`;

const reason = (error: unknown): string => {
  const failure = toKubeFailure(error);
  if (!failure) return (error as Error).message;
  if (failure.statusCode === 404) return 'the cluster no longer has this VM';
  return `${failure.message} (${failure.statusCode})`;
};

export const createOpenshiftPower = (kubeConfig: KubeConfig, logger: Logger): SourcePower => {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  const location = (vm: SourceVm) => ({ namespace: vm.namespace ?? '', name: vm.name });

  const readVm = async (vm: SourceVm): Promise<Json> =>
    (await custom.getNamespacedCustomObject({ ...VirtualMachineModel, ...location(vm) })) as Json;

  const hasInstance = async (vm: SourceVm): Promise<boolean> => {
    try {
      await custom.getNamespacedCustomObject({ ...VirtualMachineInstanceModel, ...location(vm) });
      return true;
    } catch (error) {
      if (isApiError(error, 404)) return false;
      throw error;
    }
  };

  const act = async <T>(vm: SourceVm, failure: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new Error(`${failure} VM ${label(vm)}: ${reason(error)}`, { cause: error });
    }
  };

  const setRunStrategy = async (vm: SourceVm, runStrategy: 'Halted' | 'Always') => {
    const spec = objectAt(await readVm(vm), 'spec');
    // Already asked for: nothing to write (the reconcile may ask again after a restart).
    if (text(spec?.runStrategy) === runStrategy && spec?.running === undefined) return false;
    await custom.patchNamespacedCustomObject(
      {
        ...VirtualMachineModel,
        ...location(vm),
        body: { spec: { runStrategy, running: null } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    return true;
  };

  return {
    powerState: (vm): Promise<PowerState> =>
      act(vm, 'Could not read the power state of', async () =>
        openshiftPowerState(await readVm(vm), await hasInstance(vm)),
      ),

    // The runStrategy is written whatever the VM's status says: a Stopped VM whose runStrategy
    // still says Always is about to start again.
    powerOff: (vm) =>
      act(vm, 'The cluster refused to stop', async () => {
        if (await setRunStrategy(vm, 'Halted')) {
          logger.info({ vm: label(vm) }, 'Asked KubeVirt to stop the source VM');
        }
      }),

    powerOn: (vm) =>
      act(vm, 'The cluster refused to start', async () => {
        if (await setRunStrategy(vm, 'Always')) {
          logger.info({ vm: label(vm) }, 'Asked KubeVirt to start the source VM again');
        }
      }),

    // The VM's ConfigMaps and Secrets, for their copies beside the recreated VM.
    readConfig: (vm, { kind, name }) =>
      act(vm, `Could not read ${kind} ${name} of`, async () => {
        try {
          return await objects.read({
            apiVersion: 'v1',
            kind,
            metadata: { name, namespace: vm.namespace ?? '' },
          });
        } catch (error) {
          if (isApiError(error, 404)) return undefined;
          throw error;
        }
      }),

    close: async () => {},
  };
};
