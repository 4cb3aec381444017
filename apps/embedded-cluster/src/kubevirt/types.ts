// The parts of KubeVirt's kubevirt.io/v1 VirtualMachine and VirtualMachineInstance that the
// launcher reads and writes (field names as in KubeVirt's OpenAPI schema).
import type { V1ObjectMeta } from '@kubernetes/client-node';

export type RunStrategy = 'Always' | 'RerunOnFailure' | 'Halted' | 'Manual' | 'Once';

export type KubevirtCondition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
};

export type VmiDisk = {
  name: string;
  bootOrder?: number;
  serial?: string;
  shareable?: boolean;
  disk?: { bus?: string; readonly?: boolean };
  cdrom?: { bus?: string; readonly?: boolean };
  lun?: { bus?: string; readonly?: boolean };
};

export type VmiInterface = {
  name: string;
  model?: string;
  macAddress?: string;
  bootOrder?: number;
};

export type VmiVolume = {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  dataVolume?: { name: string };
  containerDisk?: { image?: string };
  cloudInitNoCloud?: object;
  cloudInitConfigDrive?: object;
  emptyDisk?: { capacity: string };
  [other: string]: unknown;
};

export type VmiSpec = {
  domain: {
    cpu?: { cores?: number; sockets?: number; threads?: number; model?: string };
    memory?: { guest?: string };
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    firmware?: {
      uuid?: string;
      serial?: string;
      bootloader?: { bios?: object; efi?: { secureBoot?: boolean; persistent?: boolean } };
    };
    machine?: { type?: string };
    features?: { smm?: { enabled?: boolean } };
    devices?: {
      disks?: VmiDisk[];
      interfaces?: VmiInterface[];
      autoattachPodInterface?: boolean;
      autoattachGraphicsDevice?: boolean;
      autoattachSerialConsole?: boolean;
      logSerialConsole?: boolean;
    };
  };
  volumes?: VmiVolume[];
  networks?: { name: string; pod?: object; multus?: { networkName: string } }[];
  terminationGracePeriodSeconds?: number;
  [other: string]: unknown;
};

export type VmiPhase =
  '' | 'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export type VmiStatus = {
  phase?: VmiPhase;
  reason?: string;
  nodeName?: string;
  conditions?: KubevirtCondition[];
  interfaces?: { name: string; mac: string; infoSource?: string; interfaceName?: string }[];
  guestOSInfo?: object;
  activePods?: Record<string, string>;
  phaseTransitionTimestamps?: { phase: VmiPhase; phaseTransitionTimestamp: string }[];
  launcherContainerImageVersion?: string;
  qosClass?: string;
  machine?: { type: string };
  currentCPUTopology?: { cores: number; sockets: number; threads: number };
  [other: string]: unknown;
};

export type VirtualMachineInstance = {
  apiVersion?: string;
  kind?: string;
  metadata: V1ObjectMeta;
  spec: VmiSpec;
  status?: VmiStatus;
};

export type StartFailure = {
  consecutiveFailCount: number;
  lastFailedVMIUID?: string;
  retryAfterTimestamp?: string;
};

export type VmStatus = {
  printableStatus?: string;
  created?: boolean;
  ready?: boolean;
  runStrategy?: RunStrategy;
  conditions?: KubevirtCondition[];
  startFailure?: StartFailure;
  observedGeneration?: number;
  desiredGeneration?: number;
  [other: string]: unknown;
};

export type VirtualMachine = {
  apiVersion?: string;
  kind?: string;
  metadata: V1ObjectMeta;
  spec: {
    runStrategy?: RunStrategy;
    running?: boolean;
    instancetype?: { name: string; kind?: string };
    template?: { metadata?: V1ObjectMeta; spec?: VmiSpec };
  };
  status?: VmStatus;
};

/** KubeVirt's finalizer on every VMI: virt-handler removes it once the domain is gone. */
export const VMI_FINALIZER = 'foregroundDeleteVirtualMachine';
/** KubeVirt's finalizer on every VM: the VM goes once its VMI is gone. */
export const VM_FINALIZER = 'kubevirt.io/virtualMachineControllerFinalize';

export const LAUNCHER_IMAGE = 'quay.io/kubevirt/virt-launcher:v1.5.0';
