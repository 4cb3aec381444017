// What CDI's upload server does with one upload, here in the worker: the claim must be an upload
// target open for it (its DataVolume UploadReady), the body is streamed to a scratch file, then
// converted to raw into the claim's volume by `qemu-img` (raw, qcow2, VMDK) through the importer's
// own path, and only then is the claim marked Succeeded. A broken image fails with qemu-img's
// reason and leaves the claim open, so the client may send it again.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { CoreV1Api, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { isApiError } from '@forklift-console/controller-runtime';
import { claimVolume } from '../../volumes/claim-volume.ts';
import {
  markImported,
  POD_PHASE_ANNOTATION,
  POD_READY_ANNOTATION,
  UPLOAD_TARGET_ANNOTATION,
} from '../claim.ts';
import { TransferError } from '../tools.ts';
import { convertInto } from '../transfer.ts';

/** Why an upload was refused or failed, with the HTTP status the proxy answers. */
export class UploadRefusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** CDI's proxy waits this long for the upload server to be ready before answering 503. */
const READY_WAIT_MS = 10_000;
const READY_POLL_MS = 500;

const readClaim = async (core: CoreV1Api, namespace: string, name: string) => {
  try {
    return await core.readNamespacedPersistentVolumeClaim({ namespace, name });
  } catch (error) {
    if (isApiError(error, 404)) return undefined;
    throw error;
  }
};

/** The claim once it takes an upload; refused as CDI's proxy refuses (503 with the reason). */
const waitUntilReady = async (
  core: CoreV1Api,
  namespace: string,
  name: string,
  signal: AbortSignal,
): Promise<V1PersistentVolumeClaim> => {
  const deadline = Date.now() + READY_WAIT_MS;
  for (;;) {
    const claim = await readClaim(core, namespace, name);
    if (!claim) {
      throw new UploadRefusal(503, `rejecting Upload Request for PVC ${name} that doesn't exist`);
    }
    const annotations = claim.metadata?.annotations ?? {};
    if (!(UPLOAD_TARGET_ANNOTATION in annotations)) {
      throw new UploadRefusal(503, `PVC ${name} is not an upload target`);
    }
    if (annotations[POD_PHASE_ANNOTATION] === 'Succeeded') {
      throw new UploadRefusal(
        503,
        `rejecting Upload Request for PVC ${name} that already finished uploading`,
      );
    }
    if (annotations[POD_READY_ANNOTATION] === 'true') return claim;
    if (Date.now() > deadline) {
      throw new UploadRefusal(503, `the upload into PVC ${name} is not ready yet`);
    }
    await sleep(READY_POLL_MS, undefined, { signal });
  }
};

const markWhole = async (core: CoreV1Api, namespace: string, name: string) => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await markImported(core, namespace, name, 0);
    } catch (error) {
      // The importer opening the claim at the same moment; the mark is simply written again.
      if (!isApiError(error, 409) || attempt >= 5) throw error;
    }
  }
};

export type UploadContext = { core: CoreV1Api; dataDir: string };

/** Fills claim `namespace/name` from `body`; resolves once the claim is marked whole. */
export const uploadIntoClaim = async (
  { core, dataDir }: UploadContext,
  { namespace, name }: { namespace: string; name: string },
  body: Readable,
  signal: AbortSignal,
): Promise<void> => {
  const claim = await waitUntilReady(core, namespace, name, signal);
  const volume = await claimVolume(core, namespace, name);
  if (!volume) throw new UploadRefusal(503, `PVC ${name} is not Bound`);
  // Under cdi-scratch, which the importer empties when it starts: a crash leaves nothing behind.
  const scratch = path.join(dataDir, 'cdi-scratch', `upload-${claim.metadata?.uid ?? name}`);
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true, mode: 0o700 });
  try {
    const received = path.join(scratch, 'image');
    await pipeline(body, createWriteStream(received, { mode: 0o600 }), { signal });
    try {
      await convertInto(
        received,
        { diskImage: volume.diskImage, capacityBytes: volume.capacityBytes ?? 0 },
        { signal },
      );
    } catch (error) {
      if (error instanceof TransferError && !signal.aborted) {
        throw new UploadRefusal(400, `Saving stream failed: ${error.message}`);
      }
      throw error;
    }
    await markWhole(core, namespace, name);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
