// Forklift's inventory REST API (reference inventory.md §1.1–1.3) over the BFF's own
// inventories: the same paths, parameters and answers the console plugin expects from Forklift's
// inventory service, under /api/v1/inventory. The Kubernetes API decides who may see a provider
// (provider-access.ts); provider-routes.ts serves the providers, object-routes.ts what is in them.
import type { FastifyPluginAsync } from 'fastify';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { createAccessReviews } from '../kube/access-review.ts';
import { registerObjectRoutes } from './object-routes.ts';
import { createProviderAccess } from './provider-access.ts';
import { registerProviderRoutes } from './provider-routes.ts';
import type { InventoryRegistry } from './registry.ts';

type Options = {
  connection: KubeConnection;
  inventories: Pick<InventoryRegistry, 'get'>;
  /** How long a request waits for an inventory's first full load before answering 206. */
  parityTimeoutMs?: number;
};

export const INVENTORY_PREFIX = '/api/v1/inventory';

export const inventoryRoutes: FastifyPluginAsync<Options> = async (
  app,
  { connection, inventories, parityTimeoutMs = 10_000 },
) => {
  const runningInventory = (uid: string, type: string) => {
    const inventory = inventories.get(uid);
    return inventory?.type === type ? inventory : undefined;
  };
  const deps = {
    access: createProviderAccess(connection),
    reviews: createAccessReviews(connection),
    runningInventory,
    providers: `${INVENTORY_PREFIX}/providers`,
  };
  registerProviderRoutes(app, deps);
  registerObjectRoutes(app, { ...deps, parityTimeoutMs });
};
