// For the sample guest's conversion test: a claim bound to a PV on a folder of this machine, the
// writes the PV controller makes for static provisioning (the embedded cluster's provisioner binds
// only the claims it provisions), and a poll with a bound.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CoreV1Api } from '@kubernetes/client-node';

/** A PV (`spec.local.path`, reclaim Retain so the folder outlives it) and its Bound claim. */
export const bindStaticClaim = async (
  core: CoreV1Api,
  {
    namespace,
    name,
    path,
    volumeMode,
    storage,
  }: {
    namespace: string;
    name: string;
    path: string;
    volumeMode: 'Block' | 'Filesystem';
    storage: string;
  },
): Promise<string> => {
  const volumeName = `${namespace}-${name}`;
  const accessModes = ['ReadWriteOnce'];
  const pv = await core.createPersistentVolume({
    body: {
      metadata: { name: volumeName },
      spec: {
        capacity: { storage },
        accessModes,
        volumeMode,
        persistentVolumeReclaimPolicy: 'Retain',
        local: { path },
        claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace, name },
      },
    },
  });
  const claim = await core.createNamespacedPersistentVolumeClaim({
    namespace,
    body: {
      metadata: { name },
      spec: { accessModes, volumeMode, volumeName, resources: { requests: { storage } } },
    },
  });
  await core.replacePersistentVolumeStatus({
    name: volumeName,
    body: { ...pv, status: { phase: 'Bound' } },
  });
  await core.replaceNamespacedPersistentVolumeClaimStatus({
    namespace,
    name,
    body: { ...claim, status: { phase: 'Bound', capacity: { storage }, accessModes } },
  });
  return name;
};

/** Polls `read` until `done` holds of its result; fails after `timeoutMs` (a bound, not a measure). */
export const until = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, what }: { timeoutMs: number; what: string },
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      const seen =
        typeof value === 'string' ? value.slice(-2000) : JSON.stringify(value?.valueOf());
      throw new Error(`timed out waiting for ${what}; last seen: ${seen}`);
    }
    await sleep(2000);
  }
};
