// For tests of one route plugin: the caller the access layer decides in the standalone app, a
// bearer token's user or else the administrator, without the session and origin checks, which
// access/access-layer.test.ts covers on their own.
import type { FastifyInstance } from 'fastify';
import { ADMINISTRATOR } from '../access/caller.ts';

export const actAsBearerOrAdministrator = (app: FastifyInstance): void => {
  app.addHook('onRequest', async (request) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    request.caller = token ? { kind: 'user', token } : ADMINISTRATOR;
  });
};

/** The access token of test apps that check it: requests with it act as the administrator. */
export const ACCESS_TOKEN = 'test-access-token';
