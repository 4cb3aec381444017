import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { runLoad } from './load.ts';

const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

test('each client keeps its own connection and every answer is read to the end', async () => {
  const sockets = new Set<Socket>();
  const paths = new Set<string>();
  const server = createServer((request, response) => {
    sockets.add(request.socket);
    paths.add(request.url!);
    response.end('x'.repeat(1000));
  });
  const origin = await listen(server);
  try {
    const result = await runLoad({
      origin,
      clients: 3,
      warmupMs: 0,
      durationMs: 200,
      path: (client, sequence) => `/c${client}?n=${sequence % 2}`,
    });
    assert.equal(sockets.size, 3);
    assert.deepEqual([...paths].sort(), [
      '/c0?n=0',
      '/c0?n=1',
      '/c1?n=0',
      '/c1?n=1',
      '/c2?n=0',
      '/c2?n=1',
    ]);
    assert.equal(result.errors, 0);
    assert.ok(result.latenciesMs.length > 6);
    assert.equal(result.bytes, result.latenciesMs.length * 1000);
    assert.equal(result.paths.length, result.latenciesMs.length);
    assert.ok(result.paths.every((path) => paths.has(path)));
  } finally {
    server.close();
  }
});

test('answers other than 200 are errors, not latency samples', async () => {
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/ok' ? 200 : 206;
    response.end();
  });
  const origin = await listen(server);
  try {
    const result = await runLoad({
      origin,
      clients: 2,
      warmupMs: 0,
      durationMs: 100,
      path: (_, sequence) => (sequence === 0 ? '/partial' : '/ok'),
    });
    assert.equal(result.errors, 2);
    assert.equal(result.firstError, 'GET /partial: 206');
    assert.ok(result.latenciesMs.length > 0);
  } finally {
    server.close();
  }
});

test('requests sent during the warm-up are not recorded', async () => {
  const server = createServer((_, response) => response.end());
  const origin = await listen(server);
  try {
    const result = await runLoad({
      origin,
      clients: 1,
      warmupMs: 150,
      durationMs: 0,
      path: () => '/',
    });
    assert.deepEqual(result.latenciesMs, []);
    assert.deepEqual(result.paths, []);
  } finally {
    server.close();
  }
});
