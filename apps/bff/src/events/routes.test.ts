// What the server push tells each kind of user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import type { ChangeFeed, ChangeListener } from './change-feed.ts';
import { eventsRoutes } from './routes.ts';
import { createInventoryRegistry } from '../inventory/registry.ts';

const startWith = async (resourceTypeOnly: boolean) => {
  const listeners = new Set<ChangeListener>();
  const feed: ChangeFeed = {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isReady: () => true,
    stop: async () => undefined,
  };
  const app = Fastify();
  await app.register(eventsRoutes, {
    feed,
    inventories: createInventoryRegistry(),
    resourceTypeOnly,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/events`, { signal: controller.signal });
  const reader = response.body!.getReader();
  const read = async (until: string) => {
    let text = '';
    while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value);
    return text;
  };
  await read('event: ready');
  const emit = (name: string) => {
    for (const listener of listeners) {
      listener({ resource: 'plans', namespace: 'team-a', name, type: 'ADDED' });
    }
  };
  const close = async () => {
    controller.abort();
    await app.close();
  };
  return { emit, read, close, response };
};

test('on the embedded API a change names the object', async () => {
  const stream = await startWith(false);
  try {
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    stream.emit('nightly');
    const text = await stream.read('nightly');
    assert.match(text, /"namespace":"team-a","name":"nightly"/);
  } finally {
    await stream.close();
  }
});

test('in a cluster a change names only the resource type, never a project or object', async () => {
  const stream = await startWith(true);
  try {
    stream.emit('secret-project-plan');
    const text = await stream.read('\n\n');
    assert.match(text, /event: change\ndata: {"resource":"plans","type":"ADDED"}/);
    assert.doesNotMatch(text, /team-a|secret-project-plan/);
  } finally {
    await stream.close();
  }
});
