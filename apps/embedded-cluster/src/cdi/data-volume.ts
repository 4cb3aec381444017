// The DataVolume as the importer reads and writes it (cdi.kubevirt.io/v1beta1), and the status CDI
// writes for each step: phase, progress, the Bound/Running/Ready conditions, claimName and
// restartCount.
import type { V1PersistentVolumeClaimSpec } from '@kubernetes/client-node';
import type { VddkSource } from './vddk/vddk-source.ts';

export type DataVolumeCondition = {
  type: 'Bound' | 'Running' | 'Ready';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
};

export type HttpSource = {
  url: string;
  secretRef?: string;
  certConfigMap?: string;
  extraHeaders?: string[];
  secretExtraHeaders?: string[];
  insecureSkipVerify?: boolean;
};

export type DataVolumeStatus = {
  phase?: string;
  progress?: string;
  claimName?: string;
  restartCount?: number;
  conditions?: DataVolumeCondition[];
};

export type DataVolume = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
    resourceVersion?: string;
  };
  spec?: {
    source?: {
      http?: HttpSource;
      blank?: object;
      pvc?: { namespace?: string; name: string };
      vddk?: VddkSource;
      upload?: object;
      [other: string]: unknown;
    };
    storage?: V1PersistentVolumeClaimSpec;
    pvc?: V1PersistentVolumeClaimSpec;
    contentType?: string;
  };
  status?: DataVolumeStatus;
};

/** Where the bytes come from; `unsupported` names a source this importer does not read (yet). */
export type DataVolumeSource =
  | { kind: 'http'; http: HttpSource }
  | { kind: 'blank' }
  | { kind: 'pvc'; namespace: string; name: string }
  /** Read through the datastore HTTPS interface of the vCenter or ESXi named (vddk/). */
  | { kind: 'vddk' }
  /** Bytes a client sends through the upload proxy (upload/), as CDI's upload server takes them. */
  | { kind: 'upload' }
  | { kind: 'unsupported'; name: string; message: string };

export const sourceOf = (dv: DataVolume): DataVolumeSource => {
  const source = dv.spec?.source ?? {};
  if (source.http) return { kind: 'http', http: source.http };
  if (source.blank) return { kind: 'blank' };
  if (source.vddk) return { kind: 'vddk' };
  if (source.upload) return { kind: 'upload' };
  if (source.pvc) {
    return {
      kind: 'pvc',
      namespace: source.pvc.namespace ?? dv.metadata.namespace,
      name: source.pvc.name,
    };
  }
  const name = Object.keys(source)[0];
  if (!name) {
    return { kind: 'unsupported', name: '', message: 'spec.source names no source' };
  }
  return { kind: 'unsupported', name, message: `the ${name} source is not supported yet` };
};

export type ConditionState = Pick<DataVolumeCondition, 'status' | 'reason' | 'message'>;

/** The three conditions, keeping each one's transition time while its status stays. */
export const conditionsFor = (
  previous: DataVolumeCondition[] | undefined,
  next: Record<DataVolumeCondition['type'], ConditionState>,
  now = new Date().toISOString(),
): DataVolumeCondition[] =>
  (['Bound', 'Running', 'Ready'] as const).map((type) => {
    const before = previous?.find((condition) => condition.type === type);
    const state = next[type];
    const unchanged = before?.status === state.status;
    return {
      type,
      status: state.status,
      reason: state.reason ?? '',
      message: state.message ?? '',
      lastHeartbeatTime: unchanged ? (before?.lastHeartbeatTime ?? now) : now,
      lastTransitionTime: unchanged ? (before?.lastTransitionTime ?? now) : now,
    };
  });

export const claimBound = (claimName: string): ConditionState => ({
  status: 'True',
  reason: 'Bound',
  message: `PVC ${claimName} Bound`,
});

export const claimPending = (claimName: string): ConditionState => ({
  status: 'False',
  reason: 'Pending',
  message: `PVC ${claimName} Pending`,
});

/** "45.32%", as CDI writes progress while a transfer runs (`%.2f%%`). */
export const formatProgress = (fraction: number): string =>
  `${(Math.min(1, Math.max(0, fraction)) * 100).toFixed(2)}%`;

/** What CDI writes once a DataVolume has Succeeded: a literal of its own, one decimal. */
export const COMPLETE_PROGRESS = '100.0%';
