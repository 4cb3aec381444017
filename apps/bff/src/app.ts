// The BFF as a Fastify instance: every capability is a plugin that owns its routes.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import { compressionOptions } from './http/compression.ts';
import type { Logger } from './logging.ts';
import type { KubeConnection } from './kube/kube-connection.ts';
import type { ChangeFeed } from './events/change-feed.ts';
import { bffValidationOptions } from './http/validation.ts';
import { healthRoutes } from './health/routes.ts';
import { resourcesRoutes } from './resources/routes.ts';
import { eventsRoutes } from './events/routes.ts';
import { staticRoutes } from './static/routes.ts';
import { infoRoutes } from './info/routes.ts';
import { overviewRoutes } from './overview/routes.ts';
import { validationRoutes } from './validation/routes.ts';
import { inventoryRoutes } from './inventory/routes.ts';
import { providerCreateRoutes } from './providers/create-routes.ts';
import { certificateRoutes } from './providers/certificate-routes.ts';
import { ovaUploadRoutes } from './ova/upload-routes.ts';
import { providerRoutes } from './providers/provider-routes.ts';
import { credentialsRoutes } from './providers/credentials-routes.ts';
import { hostsRoutes } from './providers/hosts-routes.ts';
import { accessReviewRoutes } from './access/routes.ts';
import { mapRoutes } from './maps/routes.ts';
import { planActionRoutes } from './plans/action-routes.ts';
import { planMigrationRoutes } from './plans/migration-routes.ts';
import { planEditRoutes } from './plans/edit-routes.ts';
import { planCreateRoutes } from './plans/create-routes.ts';
import type { ComponentRegistry } from './components/registry.ts';
import type { InventoryRegistry } from './inventory/registry.ts';
import { registerAccessLayer, type AccessLayerOptions } from './access/access-layer.ts';

export type AppDependencies = {
  logger: Logger;
  connection: KubeConnection;
  feed: ChangeFeed;
  components: ComponentRegistry;
  inventories: InventoryRegistry;
  /** Local folder standing for OVA providers' NFS shares. */
  ovaShareRoot: string;
  /** The largest .ova the upload endpoint accepts; its own default when absent. */
  ovaUploadMaxBytes?: number;
  shellDir: string;
  pluginDir: string;
  /** Who may ask (see access/access-layer.ts); the connection comes from above. */
  access: Omit<AccessLayerOptions, 'connection'>;
};

export const buildApp = async ({
  logger,
  connection,
  feed,
  components,
  inventories,
  ovaShareRoot,
  ovaUploadMaxBytes,
  shellDir,
  pluginDir,
  access,
}: AppDependencies): Promise<FastifyInstance> => {
  const app = Fastify({ ...bffValidationOptions, loggerInstance: logger as FastifyBaseLogger });
  registerAccessLayer(app, { connection, ...access });
  // Before the routes: it hooks into each route as the route is added, so routes added before it stay plain.
  await app.register(fastifyCompress, compressionOptions);
  await app.register(healthRoutes, { feed });
  await app.register(infoRoutes, { connection });
  await app.register(resourcesRoutes, { connection });
  await app.register(overviewRoutes, { connection, components });
  await app.register(validationRoutes);
  await app.register(inventoryRoutes, { connection, inventories });
  await app.register(providerCreateRoutes, { connection });
  await app.register(certificateRoutes, { connection });
  await app.register(providerRoutes, { connection });
  await app.register(credentialsRoutes, { connection });
  await app.register(hostsRoutes, { connection });
  await app.register(accessReviewRoutes, { connection });
  await app.register(mapRoutes, { connection });
  await app.register(planActionRoutes, { connection });
  await app.register(planMigrationRoutes, { connection });
  await app.register(planEditRoutes, { connection });
  await app.register(planCreateRoutes, { connection });
  await app.register(ovaUploadRoutes, {
    connection,
    inventories,
    ovaShareRoot,
    maxUploadBytes: ovaUploadMaxBytes,
  });
  await app.register(eventsRoutes, { connection, feed, inventories });
  await app.register(staticRoutes, { shellDir, pluginDir });
  return app;
};
