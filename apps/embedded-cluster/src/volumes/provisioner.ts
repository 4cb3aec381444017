// The local volume provisioner worker: watches claims and volumes through the Kubernetes client,
// binds each Pending claim to a volume of its own under DATA_DIR/volumes, and removes a volume
// once its claim is gone.
import {
  CoreV1Api,
  StorageV1Api,
  type V1PersistentVolume,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import { createWorkQueue, keyOf, startWatch } from '@forklift-console/controller-runtime';
import type { WorkerStarter } from '../workers/worker.ts';
import { createVolumeReconciler, sweepOrphans } from './local-volumes.ts';
import { createClaimReconciler, volumeNameFor } from './provision-claim.ts';

export const startVolumeProvisioner: WorkerStarter = async ({ kubeConfig, dataDir, logger }) => {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const storage = kubeConfig.makeApiClient(StorageV1Api);
  // Before any claim is served, so that no file being made now is taken for an orphan.
  const orphans = await sweepOrphans(core, dataDir);
  if (orphans.length > 0) logger.warn({ orphans }, 'removed volume files no PV names');

  const claims = createWorkQueue({
    reconcile: createClaimReconciler({ core, storage, dataDir }),
    onError: (key, error) => logger.error({ claim: key, err: String(error) }, 'claim failed'),
  });
  const volumes = createWorkQueue({
    // Keys are `/name`: PVs have no namespace.
    reconcile: (key) => createVolumeReconciler({ core, dataDir })(key.slice(1)),
    onError: (key, error) => logger.error({ volume: key, err: String(error) }, 'volume failed'),
  });
  const claimWatch = await startWatch<V1PersistentVolumeClaim>({
    kubeConfig,
    path: '/api/v1/persistentvolumeclaims',
    list: () => core.listPersistentVolumeClaimForAllNamespaces(),
    logger,
  });
  const volumeWatch = await startWatch<V1PersistentVolume>({
    kubeConfig,
    path: '/api/v1/persistentvolumes',
    list: () => core.listPersistentVolume(),
    logger,
  });
  const unsubscribers = [
    claimWatch.subscribe(({ type, object }) => {
      if (type === 'deleted') {
        volumes.add(`/${object.spec?.volumeName ?? volumeNameFor(object)}`);
        return;
      }
      if (object.status?.phase !== 'Bound') claims.add(keyOf(object));
    }),
    volumeWatch.subscribe(({ type, object }) => {
      if (type === 'deleted') return;
      volumes.add(keyOf(object));
      // A PV made for a claim that named it already (static provisioning) binds it now.
      const reference = object.spec?.claimRef;
      if (reference?.namespace && reference.name && !reference.uid) {
        claims.add(`${reference.namespace}/${reference.name}`);
      }
    }),
  ];
  for (const claim of claimWatch.list()) claims.add(keyOf(claim));
  for (const volume of volumeWatch.list()) volumes.add(keyOf(volume));

  return {
    async stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      await Promise.all([claimWatch.stop(), volumeWatch.stop()]);
      await Promise.all([claims.stop(), volumes.stop()]);
    },
  };
};
