// For the tests of this folder, until the volume provisioner binds claims: a Bound claim arranged as
// static provisioning does, a PV naming its file (Block) or folder (Filesystem) under
// DATA_DIR/volumes with a claimRef, the claim naming the PV. Both statuses are set to Bound through
// the status subresource: that is the PV controller's write in a cluster.
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreV1Api } from '@kubernetes/client-node';
import { DISK_IMAGE_NAME, volumesRoot } from '../volumes/claim-volume.ts';

export type BoundClaim = { claimName: string; diskImage: string };

export const arrangeBoundClaim = async (
  core: CoreV1Api,
  dataDir: string,
  {
    namespace,
    name,
    volumeMode,
    bytes,
  }: { namespace: string; name: string; volumeMode: 'Block' | 'Filesystem'; bytes: number },
): Promise<BoundClaim> => {
  const pvName = `pv-${namespace}-${name}`;
  const where = path.join(volumesRoot(dataDir), pvName);
  const diskImage = volumeMode === 'Block' ? where : path.join(where, DISK_IMAGE_NAME);
  await mkdir(volumeMode === 'Block' ? path.dirname(where) : where, { recursive: true });
  await writeFile(diskImage, '');
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
        local: { path: where },
        claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace, name },
      },
    },
  });
  await core.replacePersistentVolumeStatus({
    name: pvName,
    body: { ...pv, status: { phase: 'Bound' } },
  });
  const claim = await core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: {
      metadata: { name },
      spec: {
        accessModes: ['ReadWriteOnce'],
        volumeMode,
        volumeName: pvName,
        resources: { requests: capacity },
      },
    },
  });
  await core.replaceNamespacedPersistentVolumeClaimStatus({
    namespace,
    name,
    body: { ...claim, status: { phase: 'Bound', capacity, accessModes: ['ReadWriteOnce'] } },
  });
  return { claimName: name, diskImage };
};
