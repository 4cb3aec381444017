// The one server-push channel: the UI subscribes once and invalidates its cached queries on each
// change, so no page polls.
import type { FastifyPluginAsync } from 'fastify';
import type { ChangeFeed } from './change-feed.ts';
import type { InventoryRegistry } from '../inventory/registry.ts';
import { changeMessage, HEARTBEAT, sseMessage } from './sse.ts';

type Options = {
  feed: ChangeFeed;
  inventories: Pick<InventoryRegistry, 'subscribe'>;
  /**
   * In a cluster the feed watches with the BFF's service account, not the user's rights, so
   * events name only the resource type: which objects exist in which projects is not every
   * user's business, and the UI refetches through its own token anyway.
   */
  resourceTypeOnly: boolean;
  heartbeatMs?: number;
};

export const eventsRoutes: FastifyPluginAsync<Options> = async (
  app,
  { feed, inventories, resourceTypeOnly, heartbeatMs = 15000 },
) => {
  app.get(
    '/api/v1/events',
    // The answer is a text/event-stream of `change` events ({resource, type}, plus namespace and
    // name on the embedded API, whose only user is the local administrator) and `inventory`
    // events ({collections}, plus the provider's uid on the embedded API).
    { schema: {} },
    (request, reply) => {
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write(sseMessage('ready', {}));
      const unsubscribe = feed.subscribe((change) =>
        stream.write(
          changeMessage(
            resourceTypeOnly ? { resource: change.resource, type: change.type } : change,
          ),
        ),
      );
      const unsubscribeInventory = inventories.subscribe(({ providerUid, collections }) =>
        stream.write(
          sseMessage(
            'inventory',
            resourceTypeOnly ? { collections } : { provider: providerUid, collections },
          ),
        ),
      );
      const heartbeat = setInterval(() => stream.write(HEARTBEAT), heartbeatMs);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        unsubscribeInventory();
      });
    },
  );
};
