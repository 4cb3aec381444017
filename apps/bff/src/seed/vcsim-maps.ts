// `--vcsim`: an example NetworkMap and StorageMap from the vcsim provider to the host cluster, as a
// user would write them in Forklift YAML (copies in deploy/examples/, kept equal by a test). Made
// when missing on every start, and otherwise left alone: the user may have edited them.
import { ApiException, KubernetesObjectApi, type KubeConfig } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  NetworkMapModel,
  StorageMapModel,
  type NetworkMap,
  type StorageMap,
} from '@forklift-console/api';
import type { Logger } from '../logging.ts';
import { DEMO_NAMESPACE, MTV_NAMESPACE } from './sample-resources.ts';
import { VCSIM_PROVIDER } from './vcsim-provider.ts';

export const VCSIM_MAP_NAME = 'vcsim-to-host';

const metadata = { name: VCSIM_MAP_NAME, namespace: DEMO_NAMESPACE };
const provider = {
  source: { name: VCSIM_PROVIDER, namespace: DEMO_NAMESPACE },
  destination: { name: 'host', namespace: MTV_NAMESPACE },
};

/** The names are vcsim's default model's (one datacenter, one datastore, one DV port group). */
export const vcsimNetworkMap = (): NetworkMap => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: NetworkMapModel.kind,
  metadata,
  spec: {
    provider,
    map: [
      { source: { name: 'VM Network' }, destination: { type: 'pod' } },
      {
        source: { name: 'DC0_DVPG0' },
        destination: { type: 'multus', namespace: DEMO_NAMESPACE, name: 'vm-bridge' },
      },
    ],
  },
});

export const vcsimStorageMap = (): StorageMap => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: StorageMapModel.kind,
  metadata,
  spec: {
    provider,
    map: [
      {
        source: { name: 'LocalDS_0' },
        destination: {
          storageClass: 'hostpath-csi',
          accessMode: 'ReadWriteOnce',
          volumeMode: 'Filesystem',
        },
      },
    ],
  },
});

/** Creates the example maps that are missing; returns the kinds it created. */
export const ensureVcsimMaps = async (
  kubeConfig: KubeConfig,
  logger: Logger,
): Promise<string[]> => {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const created: string[] = [];
  for (const map of [vcsimNetworkMap(), vcsimStorageMap()]) {
    try {
      await client.create(map as KubernetesObject);
      created.push(map.kind ?? '');
    } catch (error) {
      if (!(error instanceof ApiException && error.code === 409)) throw error;
    }
  }
  if (created.length > 0) logger.info({ created, name: VCSIM_MAP_NAME }, 'example maps created');
  return created;
};
