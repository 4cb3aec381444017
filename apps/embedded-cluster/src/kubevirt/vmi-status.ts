// A VMI's status as virt-controller and virt-handler write it, for a phase and its conditions.
import { withTransitions, type NewCondition } from './conditions.ts';
import { MACHINE_TYPE } from './accelerator.ts';
import {
  LAUNCHER_IMAGE,
  type VirtualMachineInstance,
  type VmiPhase,
  type VmiStatus,
} from './types.ts';

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

/** How long a guest must run before its end no longer counts as a failure to start. */
const STABLE_RUN_MS = 30_000;

/**
 * Whether the VMI ran for a while (until `until`, or its end): a VMI that fails sooner, qemu
 * refusing its arguments for instance, failed to start and backs off rather than looping.
 */
export const ranStably = (vmi: VirtualMachineInstance, until: Date): boolean => {
  const transitions = vmi.status?.phaseTransitionTimestamps ?? [];
  const running = transitions.find(({ phase }) => phase === 'Running');
  if (!running) return false;
  const ended = transitions.find(({ phase }) => phase === 'Failed' || phase === 'Succeeded');
  const end = ended ? new Date(ended.phaseTransitionTimestamp) : until;
  return end.getTime() - new Date(running.phaseTransitionTimestamp).getTime() >= STABLE_RUN_MS;
};
