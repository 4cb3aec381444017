// A VMI's volumes as files on this machine, or why they are not ready yet (the VMI waits, as
// KubeVirt's VMI waits for its PVCs and DataVolumes) or cannot be given to the guest at all.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { DataVolumeModel, quantityBytes } from '@forklift-console/api';
import { isApiError, readObject } from '@forklift-console/controller-runtime';
import { claimVolume } from '../volumes/claim-volume.ts';
import type { DiskFile, Refusal } from './qemu-command.ts';
import type { VirtualMachineInstance, VmiVolume } from './types.ts';

/** Reasons KubeVirt's VMI controller writes on the Synchronized condition while volumes wait. */
export type VolumeWait = {
  reason:
    | 'FailedPvcNotFound'
    | 'PvcNotBound'
    | 'FailedDataVolumeNotFound'
    | 'DataVolumeFailed'
    | 'DataVolumeNotReady';
  message: string;
};

export type ResolvedVolumes =
  | { kind: 'ready'; disks: Map<string, DiskFile>; notAttached: string[] }
  | { kind: 'waiting'; wait: VolumeWait }
  | { kind: 'refused'; refusal: Refusal };

type DataVolume = { status?: { phase?: string } };

const claimFile = async (
  core: CoreV1Api,
  namespace: string,
  claimName: string,
  readOnly: boolean,
): Promise<DiskFile | VolumeWait> => {
  let phase: string | undefined;
  try {
    phase = (await core.readNamespacedPersistentVolumeClaim({ namespace, name: claimName })).status
      ?.phase;
  } catch (error) {
    if (!isApiError(error, 404)) throw error;
    return {
      reason: 'FailedPvcNotFound',
      message: `PVC ${namespace}/${claimName} does not exist, waiting for it to appear`,
    };
  }
  const volume = await claimVolume(core, namespace, claimName);
  if (!volume) {
    return {
      reason: 'PvcNotBound',
      message: `PVC ${namespace}/${claimName} is ${phase ?? 'Pending'}, waiting for it to be Bound`,
    };
  }
  if (volume.volumeMode === 'Filesystem')
    await ensureDiskImage(volume.diskImage, volume.capacityBytes);
  return { file: volume.diskImage, readOnly };
};

/**
 * On a Filesystem PVC the disk is `disk.img`; KubeVirt creates it, sparse, the size of the volume,
 * when the claim has none yet.
 */
const ensureDiskImage = async (file: string, capacityBytes: number | undefined): Promise<void> => {
  try {
    await stat(file);
    return;
  } catch {
    // not there yet
  }
  const handle = await open(file, 'wx').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.truncate(capacityBytes ?? 0);
  } finally {
    await handle.close();
  }
};

const dataVolumeFile = async (
  core: CoreV1Api,
  custom: CustomObjectsApi,
  namespace: string,
  name: string,
): Promise<DiskFile | VolumeWait> => {
  const dataVolume = await readObject<DataVolume>(custom, DataVolumeModel, namespace, name);
  if (dataVolume) {
    const phase = dataVolume.status?.phase;
    if (phase === 'Failed') {
      return { reason: 'DataVolumeFailed', message: `DataVolume ${namespace}/${name} has failed` };
    }
    if (phase !== 'Succeeded') {
      return {
        reason: 'DataVolumeNotReady',
        message: `DataVolume ${namespace}/${name} is ${phase || 'not ready'}, waiting for it to succeed`,
      };
    }
  }
  const file = await claimFile(core, namespace, name, false);
  // CDI may garbage-collect a DataVolume that succeeded: its PVC is then the volume.
  if (!dataVolume && 'reason' in file && file.reason === 'FailedPvcNotFound') {
    return {
      reason: 'FailedDataVolumeNotFound',
      message: `DataVolume ${namespace}/${name} does not exist, waiting for it to appear`,
    };
  }
  return file;
};

const emptyDiskFile = async (runDir: string, volume: VmiVolume): Promise<DiskFile> => {
  const file = path.join(runDir, `empty-${volume.name}.img`);
  await ensureDiskImage(file, quantityBytes(String(volume.emptyDisk!.capacity)));
  return { file, readOnly: false };
};

const NOT_ATTACHED = ['cloudInitNoCloud', 'cloudInitConfigDrive'];

export const resolveVolumes = async ({
  core,
  custom,
  vmi,
  runDir,
}: {
  core: CoreV1Api;
  custom: CustomObjectsApi;
  vmi: VirtualMachineInstance;
  runDir: string;
}): Promise<ResolvedVolumes> => {
  const namespace = vmi.metadata.namespace!;
  const disks = new Map<string, DiskFile>();
  const notAttached: string[] = [];
  for (const volume of vmi.spec.volumes ?? []) {
    if (volume.containerDisk) {
      return {
        kind: 'refused',
        refusal: {
          reason: 'ErrImagePull',
          message: `volume ${volume.name}: containerDisk ${volume.containerDisk.image ?? ''} needs a container runtime, which the embedded cluster does not have; put the disk on a persistentVolumeClaim or dataVolume`,
        },
      };
    }
    let resolved: DiskFile | VolumeWait;
    if (volume.persistentVolumeClaim) {
      const { claimName, readOnly } = volume.persistentVolumeClaim;
      resolved = await claimFile(core, namespace, claimName, readOnly === true);
    } else if (volume.dataVolume) {
      resolved = await dataVolumeFile(core, custom, namespace, volume.dataVolume.name);
    } else if (volume.emptyDisk) {
      resolved = await emptyDiskFile(runDir, volume);
    } else if (NOT_ATTACHED.some((type) => volume[type] !== undefined)) {
      notAttached.push(volume.name);
      continue;
    } else {
      const type = Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
      return {
        kind: 'refused',
        refusal: {
          reason: 'UnsupportedVolume',
          message: `volume ${volume.name}: ${type} volumes are not supported by the embedded cluster (persistentVolumeClaim, dataVolume and emptyDisk are)`,
        },
      };
    }
    if ('reason' in resolved) return { kind: 'waiting', wait: resolved };
    disks.set(volume.name, resolved);
  }
  for (const disk of vmi.spec.domain.devices?.disks ?? []) {
    if (!disks.has(disk.name) && !notAttached.includes(disk.name)) {
      return {
        kind: 'refused',
        refusal: {
          reason: 'DiskWithoutVolume',
          message: `disk ${disk.name} has no volume of the same name in spec.volumes`,
        },
      };
    }
  }
  return { kind: 'ready', disks, notAttached };
};
