// The virt-launcher Pod of a VMI, as KubeVirt's virt-controller makes it: named
// `virt-launcher-<vmi>-<5 random characters>`, labelled so that KubeVirt's tools find it, owned by
// the VMI, with the `compute` container (qemu here; its output is that container's log) and the
// `guest-console-log` container (the serial console's log), and its status as the kubelet writes
// it for the state of qemu.
import { randomInt } from 'node:crypto';
import type {
  V1ContainerStatus,
  V1Pod,
  V1PodCondition,
  V1PodStatus,
} from '@kubernetes/client-node';
import { LAUNCHER_IMAGE, type VirtualMachineInstance } from './types.ts';

const LAUNCHER_CONTAINERS = ['compute', 'guest-console-log'] as const;

/** The characters Kubernetes uses in generated name suffixes (no vowels, no look-alikes). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const launcherPodName = (vmiName: string): string =>
  `virt-launcher-${vmiName}-${Array.from({ length: 5 }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('')}`;

export const launcherPodManifest = (vmi: VirtualMachineInstance, nodeName: string): V1Pod => {
  const name = vmi.metadata.name!;
  const vmName = vmi.metadata.labels?.['vm.kubevirt.io/name'] ?? name;
  const claims = (vmi.spec.volumes ?? []).flatMap((volume) => {
    const claimName = volume.persistentVolumeClaim?.claimName ?? volume.dataVolume?.name;
    return claimName ? [{ name: volume.name, persistentVolumeClaim: { claimName } }] : [];
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: launcherPodName(name),
      namespace: vmi.metadata.namespace,
      labels: {
        'kubevirt.io': 'virt-launcher',
        'kubevirt.io/created-by': vmi.metadata.uid!,
        'kubevirt.io/domain': name,
        'vm.kubevirt.io/name': vmName,
      },
      annotations: { 'kubevirt.io/domain': name },
      ownerReferences: [
        {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachineInstance',
          name,
          uid: vmi.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName,
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: (vmi.spec.terminationGracePeriodSeconds ?? 180) + 15,
      containers: [
        {
          name: 'compute',
          image: LAUNCHER_IMAGE,
          command: ['/usr/bin/virt-launcher-monitor', '--qemu-timeout', '300s', '--name', name],
          volumeMounts: [],
        },
        {
          name: 'guest-console-log',
          image: LAUNCHER_IMAGE,
          command: [
            '/usr/bin/virt-tail',
            '--logfile',
            `/var/run/kubevirt-private/${vmi.metadata.uid}/virt-serial0-log`,
          ],
        },
      ],
      volumes: claims,
    },
  };
};

/** What the launcher pod's status reports. */
export type LauncherState =
  | { kind: 'unschedulable'; message: string }
  | { kind: 'imagePull'; message: string }
  | { kind: 'starting' }
  | { kind: 'running'; startedAt: Date; pid: number }
  | {
      kind: 'terminated';
      startedAt?: Date;
      finishedAt: Date;
      exitCode: number;
      reason: string;
      message?: string;
    };

const condition = (
  type: string,
  ok: boolean,
  since: Date,
  reason?: string,
  message?: string,
): V1PodCondition => ({
  type,
  status: ok ? 'True' : 'False',
  lastTransitionTime: since,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

const containerStatus = (
  name: string,
  state: V1ContainerStatus['state'],
  ready: boolean,
  started?: boolean,
): V1ContainerStatus => ({
  name,
  image: LAUNCHER_IMAGE,
  imageID: '',
  ready,
  restartCount: 0,
  ...(started !== undefined ? { started } : {}),
  state,
});

/** The status of the pod, keeping the times of the conditions that did not change. */
export const launcherPodStatus = (pod: V1Pod, state: LauncherState, now: Date): V1PodStatus => {
  const previous = pod.status ?? {};
  const since = (type: string, status: string) => {
    const old = previous.conditions?.find((existing) => existing.type === type);
    return old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : now;
  };
  const base = { hostIP: '127.0.0.1', qosClass: 'Burstable', startTime: previous.startTime ?? now };
  const stamp = (type: string, ok: boolean, reason?: string, message?: string) =>
    condition(type, ok, since(type, ok ? 'True' : 'False'), reason, message);
  switch (state.kind) {
    case 'unschedulable':
      return {
        ...base,
        phase: 'Pending',
        conditions: [stamp('PodScheduled', false, 'Unschedulable', state.message)],
      };
    case 'imagePull':
      return {
        ...base,
        phase: 'Pending',
        conditions: [
          stamp('PodScheduled', true),
          stamp('Initialized', true),
          stamp('ContainersReady', false, 'ContainersNotReady'),
          stamp('Ready', false, 'ContainersNotReady'),
        ],
        containerStatuses: LAUNCHER_CONTAINERS.map((name) =>
          containerStatus(
            name,
            { waiting: { reason: 'ErrImagePull', message: state.message } },
            false,
            false,
          ),
        ),
      };
    case 'starting':
      return {
        ...base,
        phase: 'Pending',
        conditions: [
          stamp('PodScheduled', true),
          stamp('Initialized', true),
          stamp('ContainersReady', false, 'ContainersNotReady'),
          stamp('Ready', false, 'ContainersNotReady'),
        ],
        containerStatuses: LAUNCHER_CONTAINERS.map((name) =>
          containerStatus(name, { waiting: { reason: 'ContainerCreating' } }, false, false),
        ),
      };
    case 'running':
      return {
        ...base,
        phase: 'Running',
        conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) =>
          stamp(type, true),
        ),
        containerStatuses: LAUNCHER_CONTAINERS.map((name) => ({
          ...containerStatus(name, { running: { startedAt: state.startedAt } }, true, true),
          containerID: `qemu://${state.pid}`,
        })),
      };
    case 'terminated':
      return {
        ...base,
        phase: state.exitCode === 0 ? 'Succeeded' : 'Failed',
        conditions: [
          stamp('PodScheduled', true),
          stamp('Initialized', true),
          stamp('ContainersReady', false, 'PodCompleted'),
          stamp('Ready', false, 'PodCompleted'),
        ],
        containerStatuses: LAUNCHER_CONTAINERS.map((name) =>
          containerStatus(
            name,
            {
              terminated: {
                exitCode: name === 'compute' ? state.exitCode : 0,
                reason: name === 'compute' ? state.reason : 'Completed',
                ...(name === 'compute' && state.message ? { message: state.message } : {}),
                ...(state.startedAt ? { startedAt: state.startedAt } : {}),
                finishedAt: state.finishedAt,
              },
            },
            false,
            false,
          ),
        ),
      };
  }
};

/** A virt-launcher pod: the launcher runs it, so the pod runner (the kubelet's stand-in) leaves it. */
export const isLauncherPod = (pod: V1Pod): boolean =>
  pod.metadata?.labels?.['kubevirt.io'] === 'virt-launcher';
