import { FORKLIFT_API_VERSION, type StorageMap } from '@forklift-console/api';

/** Forklift's skeleton for "Create with YAML": a name to change, providers to name, no rows yet. */
export const storageMapTemplate = (namespace: string): StorageMap => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: 'StorageMap',
  metadata: { name: 'example', namespace },
  spec: {
    map: [],
    provider: {
      source: { name: '', namespace },
      destination: { name: '', namespace },
    },
  },
});
