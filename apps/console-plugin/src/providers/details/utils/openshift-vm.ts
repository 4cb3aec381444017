// KubeVirt VirtualMachines from an OpenShift provider's inventory as rows of the VM table
// (reference ui.md §2.3, inventory.md §5): the project, the status KubeVirt prints, the features
// that need care when migrated between clusters, and the template the VM was made from.
import type { OpenshiftVm } from '@forklift-console/api';
import {
  blankVmRow,
  VM_FEATURES,
  type PowerState,
  type VmFeature,
  type VmRow,
} from '../../../utils/vm-table.ts';

/** The template label OpenShift puts on a VM created from a template. */
export const TEMPLATE_LABEL = 'vm.kubevirt.io/template';

/** The parts of a VirtualMachine and its instance the table reads. */
type KubevirtVm = {
  metadata?: { namespace?: string; labels?: Record<string, string> };
  spec?: {
    running?: boolean;
    runStrategy?: string;
    template?: {
      spec?: {
        domain?: {
          cpu?: { dedicatedCpuPlacement?: boolean; numa?: unknown };
          devices?: {
            gpus?: unknown[];
            hostDevices?: unknown[];
            tpm?: { persistent?: boolean };
          };
          firmware?: { bootloader?: { efi?: { persistent?: boolean } } };
        };
      };
    };
  };
  status?: { printableStatus?: string };
};

type KubevirtVmi = { status?: { phase?: string } };

const kubevirtVm = (vm: OpenshiftVm) => (vm.object ?? {}) as KubevirtVm;

/** The features of a VM's template, in VM_FEATURES order. */
export const vmFeatures = (vm: OpenshiftVm): VmFeature[] => {
  const domain = kubevirtVm(vm).spec?.template?.spec?.domain;
  const present: Record<VmFeature, boolean> = {
    dedicatedCpu: domain?.cpu?.dedicatedCpuPlacement === true,
    gpusHostDevices:
      (domain?.devices?.gpus?.length ?? 0) > 0 || (domain?.devices?.hostDevices?.length ?? 0) > 0,
    numa: domain?.cpu?.numa !== undefined && domain.cpu.numa !== null,
    persistentTpmEfi:
      domain?.devices?.tpm?.persistent === true ||
      domain?.firmware?.bootloader?.efi?.persistent === true,
  };
  return VM_FEATURES.filter((feature) => present[feature]);
};

/** A VM asked to stay off, by either of KubeVirt's two ways of saying so. */
const isHalted = ({ spec }: KubevirtVm) =>
  spec?.runStrategy === 'Halted' || spec?.running === false;

/**
 * What KubeVirt prints as the VM's status (Running, Stopped, Provisioning, Migrating…). Before its
 * controller has written one: the phase of its instance, or Stopped for a VM that is to stay off
 * and has none, as KubeVirt would print; empty when nothing says.
 */
export const openshiftVmStatus = (vm: OpenshiftVm): string => {
  const object = kubevirtVm(vm);
  const instance = vm.instance as KubevirtVmi | undefined;
  return (
    object.status?.printableStatus ||
    instance?.status?.phase ||
    (!instance && isHalted(object) ? 'Stopped' : '')
  );
};

const powerOfStatus = (status: string): PowerState =>
  status === 'Running' ? 'on' : status === 'Stopped' ? 'off' : 'unknown';

export const toOpenshiftVmRows = (vms: readonly OpenshiftVm[]): VmRow[] =>
  vms.map((vm) => {
    const object = kubevirtVm(vm);
    const status = openshiftVmStatus(vm);
    return {
      ...blankVmRow(vm.uid, vm.name),
      power: powerOfStatus(status),
      project: object.metadata?.namespace ?? vm.namespace,
      status,
      features: vmFeatures(vm),
      template: object.metadata?.labels?.[TEMPLATE_LABEL] ?? '',
    };
  });
