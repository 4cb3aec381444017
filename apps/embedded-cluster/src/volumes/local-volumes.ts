// The volumes this provisioner made, and their end: a PV whose claim is gone (deleted, or a new
// claim of the same name) is Released and, its reclaim policy being Delete, its file or folder
// and then the PV are removed. Files under DATA_DIR/volumes that no PV names (a crash between
// creating the file and the PV) are removed at start.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CoreV1Api, V1PersistentVolume } from '@kubernetes/client-node';
import { isApiError, type ReconcileResult } from '@forklift-console/controller-runtime';
import { pvPath, volumesRoot } from './claim-volume.ts';

/** A PV this provisioner made: its path is directly under DATA_DIR/volumes. */
export const isLocalVolume = (dataDir: string, pv: V1PersistentVolume): boolean => {
  const where = pvPath(pv);
  return where !== undefined && path.dirname(where) === volumesRoot(dataDir);
};

export const formatBytes = (bytes: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
};

const claimIsGone = async (core: CoreV1Api, pv: V1PersistentVolume): Promise<boolean> => {
  const reference = pv.spec?.claimRef;
  if (!reference?.name || !reference.namespace) return true;
  // Pre-bound by an administrator (a claim named, no uid yet): it waits for that claim, as the PV
  // controller keeps it, rather than being released.
  if (!reference.uid) return false;
  try {
    const claim = await core.readNamespacedPersistentVolumeClaim({
      namespace: reference.namespace,
      name: reference.name,
    });
    return claim.metadata?.uid !== reference.uid;
  } catch (error) {
    if (isApiError(error, 404)) return true;
    throw error;
  }
};

export const createVolumeReconciler =
  ({ core, dataDir }: { core: CoreV1Api; dataDir: string }) =>
  async (name: string): Promise<ReconcileResult> => {
    let pv: V1PersistentVolume;
    try {
      pv = await core.readPersistentVolume({ name });
    } catch (error) {
      if (isApiError(error, 404)) return {};
      throw error;
    }
    if (!isLocalVolume(dataDir, pv) || !(await claimIsGone(core, pv))) return {};
    if (pv.status?.phase !== 'Released') {
      pv = await core.replacePersistentVolumeStatus({
        name,
        body: { ...pv, status: { phase: 'Released' } },
      });
    }
    if (pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return {};
    // The bytes go first: a crash here leaves a Released PV whose removal is simply retried.
    await rm(pvPath(pv) ?? '', { recursive: true, force: true });
    try {
      await core.deletePersistentVolume({ name });
    } catch (error) {
      if (!isApiError(error, 404)) throw error;
    }
    return {};
  };

/** Removes what lies under DATA_DIR/volumes without a PV naming it; returns what it removed. */
export const sweepOrphans = async (core: CoreV1Api, dataDir: string): Promise<string[]> => {
  const root = volumesRoot(dataDir);
  const entries = await readdir(root).catch(() => [] as string[]);
  if (entries.length === 0) return [];
  const { items } = await core.listPersistentVolume();
  const named = new Set(items.map((pv) => pvPath(pv)));
  const orphans = entries.map((entry) => path.join(root, entry)).filter((p) => !named.has(p));
  for (const orphan of orphans) await rm(orphan, { recursive: true, force: true });
  return orphans;
};
