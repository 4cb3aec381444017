// The importer's reconcile of a DataVolume, one function per step, deciding from the DataVolume's
// status and its claim alone: Pending until the claim is Bound, then Scheduled, then In Progress
// with a transfer running here; an In Progress one with no transfer here was interrupted by a
// restart and starts again (restartCount + 1); Succeeded once the claim is marked imported. An
// `upload` source has no transfer here: UploadReady opens its claim to the upload proxy (upload/),
// which marks the claim once the bytes a client sent are whole.
import { DataVolumeModel } from '@forklift-console/api';
import {
  isApiError,
  keyOf,
  readObject,
  splitKey,
  writeStatus,
  FAST_REQUEUE_MS,
  SLOW_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { claimVolume } from '../volumes/claim-volume.ts';
import { ensureClaim, openForUpload, POD_PHASE_ANNOTATION } from './claim.ts';
import {
  claimBound,
  claimPending,
  COMPLETE_PROGRESS,
  conditionsFor,
  formatProgress,
  sourceOf,
  type ConditionState,
  type DataVolume,
  type DataVolumeSource,
  type DataVolumeStatus,
} from './data-volume.ts';
import { runTransfer, type TransferContext } from './run-transfer.ts';
import { dvEvent } from './status.ts';
import type { Transfers } from './transfers.ts';

export type ImporterContext = TransferContext & { transfers: Transfers };

const NOT_RUNNING = { status: 'False', reason: '', message: '' } as const;

const PHASES = {
  clone: { scheduled: 'CloneScheduled', inProgress: 'CloneInProgress', verb: 'Clone' },
  upload: { scheduled: 'UploadScheduled', inProgress: 'UploadReady', verb: 'Upload' },
  import: { scheduled: 'ImportScheduled', inProgress: 'ImportInProgress', verb: 'Import' },
} as const;

const phasesOf = (source: DataVolumeSource) =>
  source.kind === 'pvc' ? PHASES.clone : source.kind === 'upload' ? PHASES.upload : PHASES.import;

const SUCCEEDED_MESSAGES = {
  Clone: 'Successfully cloned into PVC',
  Upload: 'Successfully uploaded into PVC',
  Import: 'Successfully imported into PVC',
} as const;

const write = async (
  context: ImporterContext,
  dv: DataVolume,
  status: DataVolumeStatus,
): Promise<ReconcileResult> => {
  try {
    await writeStatus(context.custom, DataVolumeModel, dv, status);
  } catch (error) {
    if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
    throw error;
  }
  return {};
};

/** Not to be read: an unsupported source, or a claim that cannot be made or is not Bound yet. */
const waitPending = (
  context: ImporterContext,
  dv: DataVolume,
  bound: ConditionState,
  running: ConditionState = NOT_RUNNING,
) =>
  write(context, dv, {
    ...dv.status,
    phase: 'Pending',
    progress: 'N/A',
    claimName: dv.metadata.name,
    restartCount: dv.status?.restartCount ?? 0,
    conditions: conditionsFor(dv.status?.conditions, {
      Bound: bound,
      Running: running,
      Ready: NOT_RUNNING,
    }),
  });

const succeed = async (context: ImporterContext, dv: DataVolume, source: DataVolumeSource) => {
  const result = await write(context, dv, {
    ...dv.status,
    phase: 'Succeeded',
    progress: COMPLETE_PROGRESS,
    claimName: dv.metadata.name,
    conditions: conditionsFor(dv.status?.conditions, {
      Bound: claimBound(dv.metadata.name),
      // A source's note (that VDDK was not used) stays said once the import is done.
      Running: {
        status: 'False',
        reason: 'Completed',
        message: dv.status?.conditions?.find((c) => c.type === 'Running')?.message ?? '',
      },
      Ready: { status: 'True', reason: '', message: '' },
    }),
  });
  const { verb } = phasesOf(source);
  const message = `${SUCCEEDED_MESSAGES[verb]} ${dv.metadata.name}`;
  await dvEvent(context.core, dv, 'Normal', `${verb}Succeeded`, message);
  return result;
};

const schedule = async (context: ImporterContext, dv: DataVolume, source: DataVolumeSource) => {
  const { scheduled, verb } = phasesOf(source);
  await dvEvent(context.core, dv, 'Normal', 'Bound', `PVC ${dv.metadata.name} Bound`);
  await dvEvent(
    context.core,
    dv,
    'Normal',
    scheduled,
    `${verb} into ${dv.metadata.name} scheduled`,
  );
  return write(context, dv, {
    ...dv.status,
    phase: scheduled,
    progress: 'N/A',
    claimName: dv.metadata.name,
    restartCount: dv.status?.restartCount ?? 0,
    conditions: conditionsFor(dv.status?.conditions, {
      Bound: claimBound(dv.metadata.name),
      Running: NOT_RUNNING,
      Ready: NOT_RUNNING,
    }),
  });
};

/**
 * Opens the claim to the upload proxy and says UploadReady; a restart changes nothing (the client
 * whose upload it cut retries with a new request, as against CDI's upload server).
 */
const awaitUpload = async (context: ImporterContext, dv: DataVolume) => {
  const name = dv.metadata.name;
  await openForUpload(context.core, dv.metadata.namespace, name);
  if (dv.status?.phase === PHASES.upload.inProgress) return {};
  const result = await write(context, dv, {
    ...dv.status,
    phase: PHASES.upload.inProgress,
    progress: 'N/A',
    claimName: name,
    restartCount: dv.status?.restartCount ?? 0,
    conditions: conditionsFor(dv.status?.conditions, {
      Bound: claimBound(name),
      Running: { status: 'True', reason: 'Pod is running', message: '' },
      Ready: { status: 'False', reason: 'TransferRunning', message: '' },
    }),
  });
  if (result.requeueAfterMs !== undefined) return result;
  await dvEvent(context.core, dv, 'Normal', 'UploadReady', `Upload into ${name} ready`);
  return result;
};

/** Starts the transfer; one interrupted by a restart counts as a restart. */
const start = async (context: ImporterContext, dv: DataVolume, source: DataVolumeSource) => {
  const { inProgress, verb } = phasesOf(source);
  const name = dv.metadata.name;
  if (source.kind === 'pvc' && !(await claimVolume(context.core, source.namespace, source.name))) {
    await write(context, dv, {
      ...dv.status,
      conditions: conditionsFor(dv.status?.conditions, {
        Bound: claimBound(name),
        Running: {
          status: 'False',
          reason: 'CloneWaitingForSource',
          message: `source PVC ${source.namespace}/${source.name} is not Bound`,
        },
        Ready: NOT_RUNNING,
      }),
    });
    return { requeueAfterMs: SLOW_REQUEUE_MS };
  }
  const volume = await claimVolume(context.core, dv.metadata.namespace, name);
  if (!volume) return { requeueAfterMs: FAST_REQUEUE_MS };
  const restarted = dv.status?.phase === inProgress;
  const restartCount = (dv.status?.restartCount ?? 0) + (restarted ? 1 : 0);
  const status: DataVolumeStatus = {
    ...dv.status,
    phase: inProgress,
    progress: formatProgress(0),
    claimName: name,
    restartCount,
    conditions: conditionsFor(dv.status?.conditions, {
      Bound: claimBound(name),
      Running: { status: 'True', reason: 'Pod is running', message: '' },
      Ready: { status: 'False', reason: 'TransferRunning', message: '' },
    }),
  };
  const result = await write(context, dv, status);
  if (result.requeueAfterMs !== undefined) return result;
  const started = { ...dv, status };
  context.transfers.start(dv.metadata.uid, keyOf(dv), (signal) =>
    runTransfer(context, started, source, volume, inProgress, signal),
  );
  await dvEvent(
    context.core,
    dv,
    'Normal',
    inProgress,
    restarted
      ? `${verb} into ${name} restarted (restart ${restartCount})`
      : `${verb} into ${name} in progress`,
  );
  return {};
};

export const createImportReconciler =
  (context: ImporterContext) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const dv = await readObject<DataVolume>(context.custom, DataVolumeModel, namespace, name);
    if (!dv || dv.metadata.deletionTimestamp) return {};
    const phase = dv.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return {};
    const source = sourceOf(dv);
    if (source.kind === 'unsupported') {
      return waitPending(context, dv, claimPending(name), {
        status: 'False',
        reason: 'Unsupported',
        message: source.message,
      });
    }
    const claim: V1PersistentVolumeClaim | string = await ensureClaim(context.core, dv, source);
    if (typeof claim === 'string') {
      return waitPending(context, dv, { status: 'False', reason: 'Pending', message: claim });
    }
    if (claim.status?.phase !== 'Bound') return waitPending(context, dv, claimPending(name));
    if (claim.metadata?.annotations?.[POD_PHASE_ANNOTATION] === 'Succeeded') {
      return succeed(context, dv, source);
    }
    if (context.transfers.has(dv.metadata.uid)) return {};
    const { scheduled, inProgress } = phasesOf(source);
    if (phase !== scheduled && phase !== inProgress) return schedule(context, dv, source);
    if (source.kind === 'upload') return awaitUpload(context, dv);
    return start(context, dv, source);
  };
