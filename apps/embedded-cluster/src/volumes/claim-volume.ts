// Where the bytes of a bound PersistentVolumeClaim are on this machine, for the workers that read
// or write them (the CDI importer, the pod runner, the KubeVirt launcher). The claim's PV names the
// path as Kubernetes local volumes do (`spec.local.path`, or `spec.hostPath.path`), or is an NFS
// share (`spec.nfs`), which standalone is a local folder under the NFS share root (the OVA share
// rule of packages/api). A Block volume is that file itself; a Filesystem volume is a folder, and a
// disk in it is `disk.img`, as CDI and KubeVirt lay out a disk on a filesystem PVC.
import path from 'node:path';
import { ApiException, type CoreV1Api, type V1PersistentVolume } from '@kubernetes/client-node';
import { nfsShareFolder, parseNfsShare, quantityBytes } from '@forklift-console/api';

/** DATA_DIR/volumes: every local volume's file or folder is under it. */
export const volumesRoot = (dataDir: string): string => path.join(dataDir, 'volumes');

export const DISK_IMAGE_NAME = 'disk.img';

export type ClaimVolume = {
  volumeMode: 'Block' | 'Filesystem';
  /** The PV's path: the raw disk file (Block) or the folder (Filesystem). */
  path: string;
  /** The disk image's file: `path` for Block, `path/disk.img` for Filesystem. */
  diskImage: string;
  /** The PV's capacity in bytes. */
  capacityBytes?: number;
};

/** Where this machine keeps what volumes name elsewhere: NFS shares under `nfsShareRoot`. */
export type VolumePlaces = { nfsShareRoot?: string };

/** The share folder of an NFS PV; undefined without a share root or for a path that is no share. */
const nfsPath = (pv: V1PersistentVolume, { nfsShareRoot }: VolumePlaces) => {
  const nfs = pv.spec?.nfs;
  if (!nfs || !nfsShareRoot) return undefined;
  const { share } = parseNfsShare(`${nfs.server}:${nfs.path}`);
  return share && nfsShareFolder(share, path.resolve(nfsShareRoot));
};

export const pvPath = (pv: V1PersistentVolume, places: VolumePlaces = {}): string | undefined =>
  pv.spec?.local?.path ?? pv.spec?.hostPath?.path ?? nfsPath(pv, places);

/** The claim's volume, or undefined while it is missing or not Bound. */
export const claimVolume = async (
  core: CoreV1Api,
  namespace: string,
  claimName: string,
  places: VolumePlaces = {},
): Promise<ClaimVolume | undefined> => {
  try {
    const claim = await core.readNamespacedPersistentVolumeClaim({ namespace, name: claimName });
    const volumeName = claim.spec?.volumeName;
    if (claim.status?.phase !== 'Bound' || !volumeName) return undefined;
    const pv = await core.readPersistentVolume({ name: volumeName });
    const where = pvPath(pv, places);
    if (!where) return undefined;
    const volumeMode = pv.spec?.volumeMode === 'Block' ? 'Block' : 'Filesystem';
    const capacity = pv.spec?.capacity?.storage;
    return {
      volumeMode,
      path: where,
      diskImage: volumeMode === 'Block' ? where : path.join(where, DISK_IMAGE_NAME),
      ...(capacity !== undefined ? { capacityBytes: quantityBytes(String(capacity)) } : {}),
    };
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return undefined;
    throw error;
  }
};
