// The one server-push channel: the UI subscribes once and invalidates its cached queries on each
// change, so no page polls.
import type { FastifyPluginAsync } from 'fastify';
import type { ChangeFeed } from './change-feed.ts';
import { changeMessage, HEARTBEAT, sseMessage } from './sse.ts';

type Options = { feed: ChangeFeed; heartbeatMs?: number };

export const eventsRoutes: FastifyPluginAsync<Options> = async (
  app,
  { feed, heartbeatMs = 15000 },
) => {
  app.get(
    '/api/v1/events',
    // The answer is a text/event-stream of `change` events ({resource, namespace, name, type}).
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
      const unsubscribe = feed.subscribe((change) => stream.write(changeMessage(change)));
      const heartbeat = setInterval(() => stream.write(HEARTBEAT), heartbeatMs);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
};
