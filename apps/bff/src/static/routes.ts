// Serves the built UI: the standalone shell at / (with client-side routes falling back to its
// index.html) and the console plugin's assets at /plugin/ for the OpenShift console to load.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from '../http/errors.ts';
import { cacheControlFor } from './cache-control.ts';

type Options = { shellDir: string; pluginDir: string };

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><title>Forklift Console</title></head>
<body><h1>The console is not built yet</h1><p>Run <code>npm run build</code>, then reload.</p></body></html>`;

const setCacheControl = (root: string) => (reply: FastifyReply, filePath: string) => {
  reply.header('cache-control', cacheControlFor(path.relative(root, filePath)));
};

export const staticRoutes: FastifyPluginAsync<Options> = async (app, { shellDir, pluginDir }) => {
  if (existsSync(pluginDir)) {
    await app.register(fastifyStatic, {
      root: pluginDir,
      prefix: '/plugin/',
      decorateReply: false,
      setHeaders: setCacheControl(pluginDir),
    });
  }
  const shellBuilt = existsSync(shellDir);
  if (shellBuilt) {
    await app.register(fastifyStatic, {
      root: shellDir,
      prefix: '/',
      wildcard: false,
      setHeaders: setCacheControl(shellDir),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/plugin/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (!isPage) return sendError(reply, 404, `No route for ${request.method} ${request.url}`);
    if (!shellBuilt) return reply.code(503).type('text/html').send(NOT_BUILT_PAGE);
    return reply.sendFile('index.html', shellDir);
  });
};
