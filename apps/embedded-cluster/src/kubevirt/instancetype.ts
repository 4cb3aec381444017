// A VM that names an instancetype (as Forklift's VMs do when the plan sets one) gets its guest
// CPUs and memory from it when its VMI is made, as KubeVirt applies instancetypes: the vCPUs as
// sockets (KubeVirt's default topology), the memory as `memory.guest`.
import type { CustomObjectsApi } from '@kubernetes/client-node';
import {
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineInstancetypeModel,
} from '@forklift-console/api';
import { isApiError } from '@forklift-console/controller-runtime';
import type { Refusal } from './qemu-command.ts';
import type { VirtualMachine, VmiSpec } from './types.ts';

type InstancetypeSpec = { cpu?: { guest?: number; model?: string }; memory?: { guest?: string } };

const readInstancetype = async (
  custom: CustomObjectsApi,
  namespace: string,
  { name, kind }: { name: string; kind?: string },
): Promise<InstancetypeSpec | undefined> => {
  // KubeVirt's default kind is the cluster-wide one.
  const namespaced = kind?.toLowerCase() === 'virtualmachineinstancetype';
  const model = namespaced
    ? VirtualMachineInstancetypeModel
    : VirtualMachineClusterInstancetypeModel;
  const api = { group: model.group, version: model.version, plural: model.plural };
  try {
    const object = (
      namespaced
        ? await custom.getNamespacedCustomObject({ ...api, namespace, name })
        : await custom.getClusterCustomObject({ ...api, name })
    ) as { spec?: InstancetypeSpec };
    return object.spec ?? {};
  } catch (error) {
    if (isApiError(error, 404)) return undefined;
    throw error;
  }
};

/** The VMI spec with the instancetype applied, or why it cannot be. */
export const withInstancetype = async (
  custom: CustomObjectsApi,
  vm: VirtualMachine,
  spec: VmiSpec,
): Promise<{ spec: VmiSpec } | { refusal: Refusal }> => {
  const reference = vm.spec.instancetype;
  if (!reference) return { spec };
  const instancetype = await readInstancetype(custom, vm.metadata.namespace ?? '', reference);
  if (!instancetype) {
    return {
      refusal: {
        reason: 'FailedCreate',
        message: `${reference.kind ?? 'VirtualMachineClusterInstancetype'} ${reference.name} not found`,
      },
    };
  }
  const { cpu, memory } = instancetype;
  return {
    spec: {
      ...spec,
      domain: {
        ...spec.domain,
        ...(cpu?.guest
          ? {
              cpu: {
                ...spec.domain.cpu,
                sockets: cpu.guest,
                cores: 1,
                threads: 1,
                ...(cpu.model ? { model: cpu.model } : {}),
              },
            }
          : {}),
        ...(memory?.guest ? { memory: { ...spec.domain.memory, guest: memory.guest } } : {}),
      },
    },
  };
};
