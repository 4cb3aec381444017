// A VMI's status as virt-controller and virt-handler write it, for a phase and its conditions.
import { withTransitions, type NewCondition } from './conditions.ts';
import { MACHINE_TYPE } from './qemu-command.ts';
import { LAUNCHER_IMAGE, type VirtualMachineInstance, type VmiPhase, type VmiStatus } from './types.ts';

export type VmiStatusChange = {
  phase: VmiPhase;
  conditions: NewCondition[];
  nodeName?: string;
  /** The launcher pod's uid, once it exists. */
  podUid?: string;
  interfaces?: { name: string; mac: string }[];
  topology?: { cores: number; sockets: number; threads: number };
  reason?: string;
};

export const vmiStatus = (
  vmi: VirtualMachineInstance,
  change: VmiStatusChange,
  now: string,
): VmiStatus => {
  const previous = vmi.status ?? {};
  const transitions = previous.phaseTransitionTimestamps ?? [];
  const lastPhase = transitions.at(-1)?.phase;
  const nodeName = change.nodeName ?? previous.nodeName;
  const podUid = change.podUid ?? Object.keys(previous.activePods ?? {})[0];
  return {
    ...previous,
    phase: change.phase,
    conditions: withTransitions(previous.conditions, change.conditions, now),
    phaseTransitionTimestamps:
      lastPhase === change.phase
        ? transitions
        : [...transitions, { phase: change.phase, phaseTransitionTimestamp: now }],
    guestOSInfo: {},
    qosClass: 'Burstable',
    launcherContainerImageVersion: LAUNCHER_IMAGE,
    machine: { type: MACHINE_TYPE },
    ...(nodeName ? { nodeName } : {}),
    ...(podUid && nodeName ? { activePods: { [podUid]: nodeName } } : {}),
    ...(change.interfaces
      ? {
          interfaces: change.interfaces.map(({ name, mac }) => ({
            name,
            mac,
            infoSource: 'domain',
          })),
        }
      : {}),
    ...(change.topology ? { currentCPUTopology: change.topology } : {}),
    ...(change.reason ? { reason: change.reason } : {}),
  };
};

/** Whether the VMI ever reached Running: a failure before that is a start failure. */
export const everRan = (vmi: VirtualMachineInstance): boolean =>
  (vmi.status?.phaseTransitionTimestamps ?? []).some(({ phase }) => phase === 'Running');
