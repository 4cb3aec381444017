// The map controllers' reconcile (reference engine.md §1.7), one for NetworkMaps and one for
// StorageMaps: read the map, judge it against its providers and their inventories, write the
// conditions, the resolved references and the generation seen. The status is the only memory.
import type { CustomObjectsApi } from '@kubernetes/client-node';
import type { InventoryRegistry } from '../../inventory/registry.ts';
import type { Logger } from '../../logging.ts';
import { stageConditions, type Condition } from '../conditions.ts';
import {
  isApiError,
  readObject,
  splitKey,
  writeStatus,
  FAST_REQUEUE_MS,
  LONG_REQUEUE_MS,
  SLOW_REQUEUE_MS,
  type ReconcileResult,
} from '@forklift-console/controller-runtime';
import type { ProviderLookup } from './provider-pair.ts';
import { checkMap, type ForkliftMap, type MapKind } from './validation.ts';

export type MapReconcilerOptions = {
  custom: CustomObjectsApi;
  kind: MapKind;
  findProvider: ProviderLookup;
  inventories: InventoryRegistry;
  logger: Logger;
};

export const createMapReconciler =
  ({ custom, kind, findProvider, inventories, logger }: MapReconcilerOptions) =>
  async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const map = await readObject<ForkliftMap>(custom, kind.model, namespace, name);
    if (!map || map.metadata?.deletionTimestamp) return {};
    const checks = checkMap({ kind, map, findProvider, inventoryOf: inventories.get });
    const stage = stageConditions(map.status?.conditions as Condition[] | undefined);
    for (const condition of checks.conditions) stage.set(condition);
    if (checks.ready) {
      stage.set({
        type: 'Ready',
        category: 'Required',
        message: `The ${kind.noun} map is ready.`,
      });
    }
    try {
      const written = await writeStatus(custom, kind.model, map, {
        conditions: stage.end(),
        references: checks.references,
        observedGeneration: map.metadata?.generation,
      });
      const wasReady = map.status?.conditions?.some(
        (condition) => condition.type === 'Ready' && condition.status === 'True',
      );
      if (written && Boolean(wasReady) !== checks.ready) {
        logger.info({ map: key, ready: checks.ready }, `${kind.noun} map readiness changed`);
      }
    } catch (error) {
      // Someone changed the map since it was read: read it again.
      if (isApiError(error, 409)) return { requeueAfterMs: FAST_REQUEUE_MS };
      throw error;
    }
    // Provider and inventory changes requeue the map as they happen; the periodic pass is the
    // safety net for anything missed, and a quicker one while an inventory is still loading.
    return { requeueAfterMs: checks.waitingForInventory ? SLOW_REQUEUE_MS : LONG_REQUEUE_MS };
  };
