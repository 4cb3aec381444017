// The provisioner's reconcile of a claim: a Pending PVC of a StorageClass this cluster has (or of
// the default class) gets a PV of its own, `pvc-<claim uid>`, backed by a sparse raw file (Block)
// or a folder (Filesystem) under DATA_DIR/volumes, and both are Bound as the PV controller binds
// them. The file comes before the PV, so a crash leaves at worst an orphan file (swept at start),
// never a PV without its bytes; the PV's name comes from the claim's uid, so it can serve no other.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import {
  type CoreV1Api,
  type StorageV1Api,
  type V1PersistentVolume,
  type V1PersistentVolumeClaim,
  type V1StorageClass,
} from '@kubernetes/client-node';
import { DEFAULT_STORAGE_CLASS_ANNOTATION, quantityBytes } from '@forklift-console/api';
import {
  isApiError,
  splitKey,
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import { recordEvent } from '../workers/events.ts';
import { bindPreBound } from './bind-static.ts';
import { pvPath, volumesRoot } from './claim-volume.ts';
import { claimableBytes } from './free-space.ts';
import { formatBytes, isLocalVolume } from './local-volumes.ts';

export const PROVISIONER_COMPONENT = 'persistentvolume-controller';

export const volumeNameFor = (claim: V1PersistentVolumeClaim): string =>
  `pvc-${claim.metadata?.uid ?? ''}`;

type ClaimContext = { core: CoreV1Api; storage: StorageV1Api; dataDir: string };

const readOrUndefined = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await read();
  } catch (error) {
    if (isApiError(error, 404)) return undefined;
    throw error;
  }
};

const claimSubject = (claim: V1PersistentVolumeClaim) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: claim.metadata?.name ?? '',
    namespace: claim.metadata?.namespace ?? '',
    uid: claim.metadata?.uid,
  },
});

const warn = (core: CoreV1Api, claim: V1PersistentVolumeClaim, reason: string, message: string) =>
  recordEvent(core, claimSubject(claim), {
    type: 'Warning',
    reason,
    message,
    component: PROVISIONER_COMPONENT,
  });

/** The class named by the claim, or the default class; a string when there is none to use. */
const storageClassOf = async (
  storage: StorageV1Api,
  claim: V1PersistentVolumeClaim,
): Promise<V1StorageClass | string> => {
  const named = claim.spec?.storageClassName;
  if (named) {
    const found = await readOrUndefined(() => storage.readStorageClass({ name: named }));
    return found ?? `storageclass.storage.k8s.io "${named}" not found`;
  }
  const { items } = await storage.listStorageClass();
  const defaults = items.filter(
    (item) => item.metadata?.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true',
  );
  return defaults[0] ?? 'no storage class is named and the cluster has no default storage class';
};

/** Creates the sparse file or the folder; an existing one (a retry after a crash) is kept. */
const makeBacking = async (where: string, volumeMode: string, bytes: number) => {
  await mkdir(path.dirname(where), { recursive: true, mode: 0o700 });
  if (volumeMode === 'Block') {
    const file = await open(where, 'a');
    try {
      if ((await file.stat()).size < bytes) await file.truncate(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
  } else {
    await mkdir(where, { recursive: true, mode: 0o700 });
  }
};

// Fit checks and file creation of different claims run one at a time, or two claims could each
// see the same free space.
let provisioning: Promise<unknown> = Promise.resolve();
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const next = provisioning.then(work, work);
  provisioning = next.catch(() => undefined);
  return next;
};

const provisionVolume = async (
  { core, dataDir }: ClaimContext,
  claim: V1PersistentVolumeClaim,
  storageClass: V1StorageClass,
  requested: string,
): Promise<V1PersistentVolume | undefined> =>
  oneAtATime(async () => {
    const name = volumeNameFor(claim);
    const existing = await readOrUndefined(() => core.readPersistentVolume({ name }));
    if (existing) return existing;
    const bytes = quantityBytes(requested);
    const { items } = await core.listPersistentVolume();
    const ours = items.filter((pv) => isLocalVolume(dataDir, pv));
    const free = await claimableBytes(
      dataDir,
      ours.map((pv) => ({
        path: pvPath(pv) ?? '',
        capacityBytes: quantityBytes(String(pv.spec?.capacity?.storage ?? '0')),
      })),
    );
    if (bytes > free) {
      await warn(
        core,
        claim,
        'ProvisioningFailed',
        `not enough free space for the volume: ${requested} (${formatBytes(bytes)}) requested, ${formatBytes(free)} free under ${volumesRoot(dataDir)}`,
      );
      return undefined;
    }
    const volumeMode = claim.spec?.volumeMode ?? 'Filesystem';
    const where = path.join(volumesRoot(dataDir), name);
    await makeBacking(where, volumeMode, bytes);
    const volume = await core.createPersistentVolume({
      body: {
        metadata: {
          name,
          annotations: { 'pv.kubernetes.io/provisioned-by': storageClass.provisioner },
        },
        spec: {
          capacity: { storage: requested },
          accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
          volumeMode,
          persistentVolumeReclaimPolicy: 'Delete',
          storageClassName: storageClass.metadata?.name,
          local: { path: where },
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            namespace: claim.metadata?.namespace,
            name: claim.metadata?.name,
            uid: claim.metadata?.uid,
          },
        },
      },
    });
    await recordEvent(core, claimSubject(claim), {
      type: 'Normal',
      reason: 'ProvisioningSucceeded',
      message: `Successfully provisioned volume ${name}`,
      component: PROVISIONER_COMPONENT,
    });
    return volume;
  });

/** Claim and volume point at each other and both say Bound, as the PV controller leaves them. */
const bind = async (
  core: CoreV1Api,
  claim: V1PersistentVolumeClaim,
  volume: V1PersistentVolume,
  requested: string,
) => {
  const namespace = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  const volumeName = volume.metadata?.name ?? '';
  let bound = claim;
  if (claim.spec?.volumeName !== volumeName) {
    bound = await core.replaceNamespacedPersistentVolumeClaim({
      namespace,
      name,
      body: {
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: {
            ...claim.metadata?.annotations,
            'pv.kubernetes.io/bind-completed': 'yes',
            'pv.kubernetes.io/bound-by-controller': 'yes',
            'volume.kubernetes.io/storage-provisioner':
              volume.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] ?? '',
          },
        },
        spec: { ...claim.spec, volumeName },
      },
    });
  }
  if (volume.status?.phase !== 'Bound') {
    await core.replacePersistentVolumeStatus({
      name: volumeName,
      body: { ...volume, status: { phase: 'Bound' } },
    });
  }
  await core.replaceNamespacedPersistentVolumeClaimStatus({
    namespace,
    name,
    body: {
      ...bound,
      status: {
        phase: 'Bound',
        accessModes: volume.spec?.accessModes,
        capacity: { storage: requested },
      },
    },
  });
};

export const createClaimReconciler =
  (context: ClaimContext) =>
  async (key: string): Promise<ReconcileResult> => {
    const { core, storage } = context;
    const { namespace, name } = splitKey(key);
    const claim = await readOrUndefined(() =>
      core.readNamespacedPersistentVolumeClaim({ namespace, name }),
    );
    if (!claim || claim.metadata?.deletionTimestamp || claim.status?.phase === 'Bound') return {};
    // A claim pre-bound to a PV someone else made is static provisioning: bound to it, not filled;
    // an empty class asks for a PV made that way too.
    const preBound = claim.spec?.volumeName;
    if (preBound && preBound !== volumeNameFor(claim)) return bindPreBound(core, claim, preBound);
    if (claim.spec?.storageClassName === '') return {};
    const storageClass = await storageClassOf(storage, claim);
    if (typeof storageClass === 'string') {
      await warn(core, claim, 'ProvisioningFailed', storageClass);
      return { requeueAfterMs: LONG_REQUEUE_MS };
    }
    const requested = claim.spec?.resources?.requests?.storage;
    let valid = requested !== undefined;
    try {
      if (valid) quantityBytes(String(requested));
    } catch {
      valid = false;
    }
    if (!valid) {
      await warn(
        core,
        claim,
        'ProvisioningFailed',
        'spec.resources.requests.storage must be a storage quantity such as 10Gi',
      );
      return {};
    }
    const volume = await provisionVolume(context, claim, storageClass, String(requested));
    if (!volume) return { requeueAfterMs: LONG_REQUEUE_MS };
    try {
      await bind(core, claim, volume, String(requested));
    } catch (error) {
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    return {};
  };
