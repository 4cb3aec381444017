// For the tests of the workers that use claims (the pod runner, the KubeVirt launcher) without the
// volume provisioner: a claim Bound as static provisioning binds it, a PV naming its file (Block)
// or folder (Filesystem) under DATA_DIR/volumes with a claimRef and the claim naming the PV. Both
// statuses are set to Bound through the status subresource: the PV controller's write in a cluster.
// Those writes carry no resourceVersion (unconditional, as `kubectl replace` of a fresh manifest):
// a worker of the cluster under test may have touched the new claim in between.
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreV1Api } from '@kubernetes/client-node';
import { DISK_IMAGE_NAME, volumesRoot } from '../volumes/claim-volume.ts';

export type BoundClaim = { claimName: string; diskImage: string };

export type BoundClaimSpec = {
  namespace: string;
  name: string;
  /** Block by default. */
  volumeMode?: 'Block' | 'Filesystem';
  /** The disk's first bytes (a boot sector, say); zeros when absent. */
  disk?: Buffer;
  /** The disk's size; the size of `disk` when absent. */
  bytes?: number;
};

export const arrangeBoundClaim = async (
  core: CoreV1Api,
  dataDir: string,
  {
    namespace,
    name,
    volumeMode = 'Block',
    disk = Buffer.alloc(0),
    bytes = disk.length,
  }: BoundClaimSpec,
): Promise<BoundClaim> => {
  const pvName = `pv-${namespace}-${name}`;
  const where = path.join(volumesRoot(dataDir), pvName);
  const diskImage = volumeMode === 'Block' ? where : path.join(where, DISK_IMAGE_NAME);
  await mkdir(volumeMode === 'Block' ? path.dirname(where) : where, { recursive: true });
  await writeFile(diskImage, disk);
  await truncate(diskImage, bytes);
  const capacity = { storage: String(bytes) };
  const pv = await core.createPersistentVolume({
    body: {
      metadata: { name: pvName },
      spec: {
        capacity,
        accessModes: ['ReadWriteOnce'],
        volumeMode,
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'local',
        local: { path: where },
        claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace, name },
      },
    },
  });
  await core.replacePersistentVolumeStatus({
    name: pvName,
    body: { ...pv, metadata: { name: pvName }, status: { phase: 'Bound' } },
  });
  const claim = await core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: {
      metadata: { name },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode,
        storageClassName: 'local',
        volumeName: pvName,
        resources: { requests: capacity },
      },
    },
  });
  await core.replaceNamespacedPersistentVolumeClaimStatus({
    namespace,
    name,
    body: {
      ...claim,
      metadata: { name, namespace },
      status: { phase: 'Bound', capacity, accessModes: ['ReadWriteOnce'] },
    },
  });
  return { claimName: name, diskImage };
};
