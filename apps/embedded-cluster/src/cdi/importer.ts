// The CDI importer worker: watches DataVolumes and the claims they own through the Kubernetes
// client and fills each claim from its DataVolume's source; it also serves CDI's upload proxy for
// `upload` sources and publishes its address in the CDIConfig.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, type V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { DataVolumeModel } from '@forklift-console/api';
import {
  createWorkQueue,
  isProgressOnly,
  keyOf,
  startWatch,
  SLOW_REQUEUE_MS,
} from '@forklift-console/controller-runtime';
import type { WorkerStarter } from '../workers/worker.ts';
import type { DataVolume } from './data-volume.ts';
import { createImportReconciler } from './reconcile.ts';
import { createTransfers } from './transfers.ts';
import { publishUploadProxy } from './upload/cdi-config.ts';
import { startUploadProxy, type UploadProxy } from './upload/upload-proxy.ts';

export const startCdiImporter: WorkerStarter = async ({
  kubeConfig,
  dataDir,
  logger,
  servingCredential,
}) => {
  if (!servingCredential) {
    throw new Error('the CDI worker needs the serving certificate for its upload proxy');
  }
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  // What an interrupted transfer or upload left (sockets, credentials, a partial image) goes
  // before any starts.
  await rm(path.join(dataDir, 'cdi-scratch'), { recursive: true, force: true });
  // A transfer that broke on something other than its source (the API away, say) leaves its
  // DataVolume In Progress with no transfer: reconciled again, it restarts, as CDI's importer pod
  // would (restartCount + 1).
  const transfers = createTransfers((key, error) => {
    logger.error({ dataVolume: key, err: String(error) }, 'transfer failed; restarting it');
    queue.addAfter(key, SLOW_REQUEUE_MS);
  });
  const queue = createWorkQueue({
    reconcile: createImportReconciler({ core, custom, dataDir, transfers }),
    onError: (key, error) =>
      logger.error({ dataVolume: key, err: String(error) }, 'DataVolume reconcile failed'),
  });
  const { group, version, plural } = DataVolumeModel;
  const dataVolumes = await startWatch<DataVolume>({
    kubeConfig,
    path: `/apis/${group}/${version}/${plural}`,
    list: () =>
      custom.listClusterCustomObject({ group, version, plural }) as Promise<{
        items: DataVolume[];
      }>,
    logger,
  });
  const claims = await startWatch<V1PersistentVolumeClaim>({
    kubeConfig,
    path: '/api/v1/persistentvolumeclaims',
    list: () => core.listPersistentVolumeClaimForAllNamespaces(),
    logger,
  });
  const unsubscribers = [
    dataVolumes.subscribe((event) => {
      if (event.type === 'deleted') transfers.cancel(event.object.metadata.uid);
      // A progress tick is the transfer's own write, and changes nothing the reconcile decides on.
      else if (!isProgressOnly(event)) queue.add(keyOf(event.object));
    }),
    claims.subscribe(({ type, object }) => {
      const owned = object.metadata?.ownerReferences?.some((ref) => ref.kind === 'DataVolume');
      if (owned && type !== 'deleted') queue.add(keyOf(object));
    }),
  ];
  for (const dv of dataVolumes.list()) queue.add(keyOf(dv));

  const stopImporter = async () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    await Promise.all([dataVolumes.stop(), claims.stop()]);
    await queue.stop();
    await transfers.stopAll();
  };
  let uploadProxy: UploadProxy;
  try {
    uploadProxy = await startUploadProxy({
      core,
      dataDir,
      servingCredential,
      logger: logger.child({ component: 'upload-proxy' }),
    });
  } catch (error) {
    await stopImporter();
    throw error;
  }
  try {
    const caData = kubeConfig.getCurrentCluster()?.caData;
    await publishUploadProxy(custom, {
      address: uploadProxy.address,
      caCertificate: caData ? Buffer.from(caData, 'base64').toString('utf8') : '',
    });
  } catch (error) {
    await Promise.all([stopImporter(), uploadProxy.stop()]);
    throw error;
  }
  return {
    async stop() {
      await stopImporter();
      await uploadProxy.stop();
    },
  };
};
