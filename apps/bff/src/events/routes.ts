// The one server-push channel: the UI subscribes once and invalidates its cached queries on each
// change, so no page polls. Each subscriber hears only of what it may see itself.
import type { FastifyPluginAsync } from 'fastify';
import type { ChangeFeed } from './change-feed.ts';
import type { InventoryRegistry } from '../inventory/registry.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { sendError } from '../http/errors.ts';
import { changeMessage, HEARTBEAT, sseMessage } from './sse.ts';
import { createVisibility, type Visibility } from './visibility.ts';

type Options = {
  connection: Pick<KubeConnection, 'mode' | 'kubeConfig'>;
  feed: ChangeFeed;
  inventories: Pick<InventoryRegistry, 'subscribe'>;
  heartbeatMs?: number;
  /** Decides who hears what; by default the subscriber's own RBAC, asked of the API server. */
  visibility?: Visibility;
};

export const eventsRoutes: FastifyPluginAsync<Options> = async (
  app,
  { connection, feed, inventories, heartbeatMs = 15000, visibility = createVisibility(connection) },
) => {
  app.get(
    '/api/v1/events',
    // The answer is a text/event-stream of `change` events ({resource, type, namespace, name})
    // and `inventory` events ({provider: uid, collections}).
    { schema: {} },
    (request, reply) => {
      const { caller } = request;
      if (!caller) return sendError(reply, 401, 'Sign in to receive changes');
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write(sseMessage('ready', {}));
      // Checks may take a round trip to the API server; chaining them keeps the events in order.
      // A check that fails (the API server busy or away) must neither drop its change unnoticed
      // nor stop the chain: the stream ends instead, the browser's EventSource reconnects, and
      // `ready` makes the page refetch what it shows.
      let sending = Promise.resolve();
      const sendIf = (allowed: () => Promise<boolean>, message: string) => {
        sending = sending
          .then(async () => {
            if (stream.writableEnded) return;
            if ((await allowed()) && !stream.destroyed) stream.write(message);
          })
          .catch((error: unknown) => {
            request.log.warn(
              { err: String(error) },
              'could not tell whether a subscriber may hear a change; ending its stream',
            );
            stream.end();
          });
      };
      const unsubscribe = feed.subscribe((change) =>
        sendIf(() => visibility.mayHearChange(caller, change), changeMessage(change)),
      );
      const unsubscribeInventory = inventories.subscribe(({ providerUid, collections }) =>
        sendIf(
          () => visibility.mayHearInventory(caller, providerUid),
          sseMessage('inventory', { provider: providerUid, collections }),
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
