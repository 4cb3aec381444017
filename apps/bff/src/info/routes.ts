// Tells the UI which mode the BFF runs in; standalone, also where kubectl can reach the API.
import type { FastifyPluginAsync } from 'fastify';
import type { KubeConnection } from '../kube/kube-connection.ts';

type Options = { connection: KubeConnection };

export const infoRoutes: FastifyPluginAsync<Options> = async (app, { connection }) => {
  app.get(
    '/api/v1/info',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              mode: { type: 'string', enum: ['embedded', 'cluster'] },
              kubernetesApiUrl: { type: 'string' },
            },
            required: ['mode'],
          },
        },
      },
    },
    async () =>
      connection.mode === 'embedded'
        ? { mode: connection.mode, kubernetesApiUrl: connection.serverUrl }
        : { mode: connection.mode },
  );
};
