import { FORKLIFT_API_VERSION, type K8sModel } from '@forklift-console/api';
import type { AnyMap } from '../hooks/useMapMutations.ts';

/** Forklift's skeleton for "Create with YAML": a name to change, providers to name, no rows yet. */
export const mapTemplate = (model: K8sModel, namespace: string): AnyMap =>
  ({
    apiVersion: FORKLIFT_API_VERSION,
    kind: model.kind,
    metadata: { name: 'example', namespace },
    spec: {
      map: [],
      provider: {
        source: { name: '', namespace },
        destination: { name: '', namespace },
      },
    },
  }) as AnyMap;
