// Liveness says the process answers; readiness says it can serve the console: the Kubernetes API
// answers and every watch feeding the UI is live.
import type { FastifyPluginAsync } from 'fastify';
import type { ChangeFeed } from '../events/change-feed.ts';

type Options = { feed: ChangeFeed };

const healthSchema = {
  type: 'object',
  properties: { status: { type: 'string' }, message: { type: 'string' } },
  required: ['status'],
} as const;

export const healthRoutes: FastifyPluginAsync<Options> = async (app, { feed }) => {
  app.get(
    '/healthz',
    { schema: { response: { 200: healthSchema } }, logLevel: 'warn' },
    async () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/readyz',
    { schema: { response: { 200: healthSchema, 503: healthSchema } }, logLevel: 'warn' },
    async (_request, reply) =>
      feed.isReady()
        ? { status: 'ok' }
        : reply.code(503).send({
            status: 'not ready',
            message: 'Waiting for the Kubernetes API server watches',
          }),
  );
};
