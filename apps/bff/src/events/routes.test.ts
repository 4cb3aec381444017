// What the server push tells each user: only what that user may see itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { ProviderModel } from '@forklift-console/api';
import { startChangeFeed, type ChangeFeed } from './change-feed.ts';
import { eventsRoutes } from './routes.ts';
import { createVisibility, type Visibility } from './visibility.ts';
import type { InventoryChange } from '../inventory/registry.ts';
import { registerAccessLayer } from '../access/access-layer.ts';
import { createLogger } from '../logging.ts';
import {
  startRouteTest,
  createVsphereProvider,
  type RouteTest,
} from '../test-support/route-test.ts';
import {
  grantRole,
  PROVIDER_READER,
  writeTokens,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { ACCESS_TOKEN } from '../test-support/caller.ts';
import type { Caller } from '../access/caller.ts';

/** The events of an SSE text, with their data parsed. */
const messages = (text: string) =>
  [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)]
    .filter(([, event]) => event !== 'ready')
    .map(([, event, data]) => ({ event, data: JSON.parse(data!) as Record<string, string> }));

type Feed = { read(until: string): Promise<string>; seen(): string; close(): void };

const openFeed = async (url: string, token?: string): Promise<Feed & { status: number }> => {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/events`, {
    signal: controller.signal,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  let text = '';
  const reader = response.body!.getReader();
  const read = async (until: string) => {
    const from = text.length;
    while (!text.slice(from).includes(until)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the feed ended before "${until}":\n${text}`);
      text += new TextDecoder().decode(value);
    }
    return text;
  };
  return { status: response.status, read, seen: () => text, close: () => controller.abort() };
};

describe('the change feed', () => {
  let routeTest: RouteTest;
  let feed: ChangeFeed;
  let app: FastifyInstance;
  let url: string;
  const inventoryListeners = new Set<(change: InventoryChange) => void>();
  // How many changes the feed has decided on for each token, so a test knows when a silence is
  // an answer rather than a check still under way.
  const decided = new Map<string, number>();
  // The token whose next access check fails, as one does when the API server is busy.
  let failNextCheckOf: string | undefined;

  before(async () => {
    routeTest = await startRouteTest('bff-events-', async () => undefined, {
      namespace: 'team-a',
    });
    const { api, core } = routeTest;
    await core.createNamespace({ body: { metadata: { name: 'team-b' } } });
    await writeTokens(api.dataDir, [
      { token: 'nobody-token', user: 'nobody' },
      { token: 'team-a-token', user: 'team-a-reader' },
    ]);
    await grantRole(api.connection.kubeConfig, {
      ...PROVIDER_READER,
      user: 'team-a-reader',
      namespace: 'team-a',
    });
    feed = await startChangeFeed(api.connection.kubeConfig, createLogger('silent'), [
      ProviderModel,
    ]);
    const real = createVisibility(api.connection);
    const count = async (caller: Caller, answer: Promise<boolean>) => {
      const allowed = await answer;
      const key = caller.kind === 'user' ? caller.token : 'administrator';
      if (key === failNextCheckOf) {
        failNextCheckOf = undefined;
        throw new Error('the access review timed out');
      }
      decided.set(key, (decided.get(key) ?? 0) + 1);
      return allowed;
    };
    const visibility: Visibility = {
      mayHearChange: (caller, change) => count(caller, real.mayHearChange(caller, change)),
      mayHearInventory: (caller, uid) => count(caller, real.mayHearInventory(caller, uid)),
    };
    app = Fastify();
    registerAccessLayer(app, {
      connection: api.connection,
      accessToken: ACCESS_TOKEN,
      allowedHosts: new Set(['127.0.0.1']),
    });
    await app.register(eventsRoutes, {
      connection: api.connection,
      feed,
      visibility,
      heartbeatMs: 50,
      inventories: {
        subscribe: (listener) => {
          inventoryListeners.add(listener);
          return () => inventoryListeners.delete(listener);
        },
      },
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  after(async () => {
    await app?.close();
    await feed?.stop();
    await routeTest?.close();
  });

  test('is refused without credentials or with a made-up token', async () => {
    const anonymous = await openFeed(url);
    assert.equal(anonymous.status, 401);
    anonymous.close();
    const madeUp = await openFeed(url, 'made-up-token');
    assert.equal(madeUp.status, 401);
    madeUp.close();
  });

  test('a user hears of changes only in the projects it may list, the administrator of all', async () => {
    const administrator = await openFeed(url, ACCESS_TOKEN);
    const teamAReader = await openFeed(url, 'team-a-token');
    const nobody = await openFeed(url, 'nobody-token');
    try {
      await Promise.all([administrator, teamAReader, nobody].map((feed) => feed.read('ready')));
      const before = decided.get('nobody-token') ?? 0;
      const hidden = await createVsphereProvider(routeTest, 'team-b', 'hidden-vcenter');
      const visible = await createVsphereProvider(routeTest, 'team-a', 'visible-vcenter');
      await administrator.read('visible-vcenter');
      const [hiddenUid, visibleUid] = [hidden.metadata!.uid!, visible.metadata!.uid!];
      for (const listener of inventoryListeners) {
        listener({ providerUid: hiddenUid, collections: ['vms'] });
        listener({ providerUid: visibleUid, collections: ['vms'] });
      }

      const everything = messages(await administrator.read(visibleUid));
      assert.ok(everything.some(({ data }) => data.name === 'hidden-vcenter'));
      assert.ok(everything.some(({ data }) => data.name === 'visible-vcenter'));
      assert.ok(everything.some(({ data }) => data.provider === hiddenUid));

      const teamA = messages(await teamAReader.read(visibleUid));
      assert.deepEqual(
        teamA.map(({ event, data }) => [event, data.namespace ?? data.provider]),
        [
          ['change', 'team-a'],
          ['inventory', visibleUid],
        ],
      );

      // Two changes and two inventory events decided, then one more heartbeat: anything allowed
      // would have been written by then.
      while ((decided.get('nobody-token') ?? 0) < before + 4) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await nobody.read(': heartbeat');
      assert.deepEqual(messages(nobody.seen()), []);
    } finally {
      for (const feed of [administrator, teamAReader, nobody]) feed.close();
    }
  });

  test('a change whose check fails ends the stream, so the page reconnects and refetches, and the next stream hears again', async () => {
    const reader = await openFeed(url, 'team-a-token');
    try {
      await reader.read('ready');
      failNextCheckOf = 'team-a-token';
      await createVsphereProvider(routeTest, 'team-a', 'unjudged-vcenter');
      await assert.rejects(reader.read('unjudged-vcenter'), /the feed ended/);
    } finally {
      reader.close();
    }
    const again = await openFeed(url, 'team-a-token');
    try {
      await again.read('ready');
      await createVsphereProvider(routeTest, 'team-a', 'judged-vcenter');
      await again.read('judged-vcenter');
    } finally {
      again.close();
    }
  });
});
