// One transfer into a DataVolume's claim, from start to the word that it is done: progress into
// the status as it goes, the claim marked imported once the bytes are whole, or the DataVolume
// Failed with the cause (and no mark) when the source cannot be read.
import path from 'node:path';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { claimVolume, type ClaimVolume } from '../volumes/claim-volume.ts';
import {
  claimBound,
  conditionsFor,
  formatProgress,
  type DataVolume,
  type DataVolumeSource,
} from './data-volume.ts';
import { markImported } from './claim.ts';
import { httpRemoteImage, SourceError } from './http-source.ts';
import { importRawImage } from './raw-image.ts';
import type { RemoteImage } from './remote-image.ts';
import { importRemoteImage } from './remote-transfer.ts';
import { dvEvent, updateStatus } from './status.ts';
import { TransferError } from './tools.ts';
import { VddkSourceError } from './vddk/errors.ts';
import { vddkRemoteImage } from './vddk/vddk-source.ts';
import { convertInto, writeBlank, type TransferOptions, type TransferTarget } from './transfer.ts';

export type TransferContext = { core: CoreV1Api; custom: CustomObjectsApi; dataDir: string };

/**
 * Progress is written at most this often: a progress bar moves each second without a write per
 * percent (each write wakes every watcher of DataVolumes, on the cores the copy runs on).
 */
const PROGRESS_INTERVAL_MS = 1_000;

export const scratchFolder = (dataDir: string, dv: DataVolume): string =>
  path.join(dataDir, 'cdi-scratch', dv.metadata.uid);

/** A raw image is copied as it is; any other is probed and converted. */
const importImage = (
  image: RemoteImage,
  target: TransferTarget,
  scratch: string,
  options: TransferOptions,
) =>
  image.rawSizeBytes === undefined
    ? importRemoteImage(image, target, scratch, options)
    : importRawImage(image, image.rawSizeBytes, target, options);

const moveBytes = async (
  { core, dataDir }: TransferContext,
  dv: DataVolume,
  source: DataVolumeSource,
  target: TransferTarget,
  options: {
    signal: AbortSignal;
    onProgress: (fraction: number) => void;
    /** What the source says of itself while importing (that VDDK was not used). */
    onNote: (note: string) => Promise<unknown>;
  },
) => {
  switch (source.kind) {
    case 'http': {
      const image = await httpRemoteImage(core, dv.metadata.namespace, source.http);
      if (image.note) await options.onNote(image.note);
      return importImage(image, target, scratchFolder(dataDir, dv), options);
    }
    case 'vddk': {
      const image = await vddkRemoteImage(core, dv).catch((error: unknown) => {
        // A refusal that names its cause (a bad login, no such VM or file) fails the DataVolume.
        if (error instanceof VddkSourceError) throw new TransferError(error.message);
        throw error;
      });
      try {
        if (image.note) await options.onNote(image.note);
        return await importImage(image, target, scratchFolder(dataDir, dv), options);
      } finally {
        await image.release?.();
      }
    }
    case 'blank':
      return writeBlank(target);
    case 'pvc': {
      const from = await claimVolume(core, source.namespace, source.name);
      if (!from)
        throw new TransferError(`source PVC ${source.namespace}/${source.name} is not Bound`);
      return convertInto(from.diskImage, target, options, 'raw');
    }
    case 'upload':
      throw new TransferError('an upload source is filled through the upload proxy');
    default:
      throw new TransferError(source.message);
  }
};

export const runTransfer = async (
  context: TransferContext,
  dv: DataVolume,
  source: DataVolumeSource,
  volume: ClaimVolume,
  inProgressPhase: string,
  signal: AbortSignal,
): Promise<void> => {
  const { core, custom } = context;
  const { namespace, name, uid } = dv.metadata;
  const restartCount = dv.status?.restartCount ?? 0;
  let lastWrite = 0;
  let writing: Promise<unknown> | undefined;
  const onProgress = (fraction: number) => {
    if (writing || Date.now() - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = Date.now();
    writing = updateStatus(custom, { namespace, name, uid }, (status) =>
      status.phase === inProgressPhase
        ? { ...status, progress: formatProgress(fraction) }
        : undefined,
    )
      .catch(() => undefined)
      .finally(() => (writing = undefined));
  };
  const onNote = (note: string) =>
    updateStatus(custom, { namespace, name, uid }, (status) =>
      status.phase === inProgressPhase
        ? {
            ...status,
            conditions: (status.conditions ?? []).map((condition) =>
              condition.type === 'Running' ? { ...condition, message: note } : condition,
            ),
          }
        : undefined,
    );
  const target = { diskImage: volume.diskImage, capacityBytes: volume.capacityBytes ?? 0 };
  try {
    await moveBytes(context, dv, source, target, { signal, onProgress, onNote });
    await writing;
    await markImported(core, namespace, name, restartCount);
  } catch (error) {
    await writing;
    // A stopped app leaves the DataVolume In Progress: its next start restarts the transfer.
    if (signal.aborted) return;
    if (!(error instanceof TransferError || error instanceof SourceError)) throw error;
    const clone = source.kind === 'pvc';
    // A URL may carry a user and password; the cause is shown in the status and an event.
    const cause = error.message.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1***@');
    const failed = await updateStatus(custom, { namespace, name, uid }, (status) =>
      status.phase === inProgressPhase
        ? {
            ...status,
            phase: 'Failed',
            conditions: conditionsFor(status.conditions, {
              Bound: claimBound(name),
              Running: { status: 'False', reason: 'Error', message: cause },
              Ready: { status: 'False', reason: '', message: '' },
            }),
          }
        : undefined,
    );
    if (failed) {
      await dvEvent(core, dv, 'Warning', clone ? 'CloneFailed' : 'ImportFailed', cause);
    }
  }
};
