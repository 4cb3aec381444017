import { FORKLIFT_API_VERSION, type NetworkMap } from '@forklift-console/api';

/** Forklift's skeleton for "Create with YAML": a name to change, providers to name, no rows yet. */
export const networkMapTemplate = (namespace: string): NetworkMap => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: 'NetworkMap',
  metadata: { name: 'example', namespace },
  spec: {
    map: [],
    provider: {
      source: { name: '', namespace },
      destination: { name: '', namespace },
    },
  },
});
