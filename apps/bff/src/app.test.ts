// The BFF against the real embedded API server, through the same client code a cluster would use.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CustomObjectsApi } from '@kubernetes/client-node';
import type { FastifyInstance } from 'fastify';
import { createInventoryRegistry } from './inventory/registry.ts';
import { buildApp } from './app.ts';
import { createLogger } from './logging.ts';
import { startChangeFeed, type ChangeFeed } from './events/change-feed.ts';
import { seedSampleResources } from './seed/seed.ts';
import { startTestApi, type TestApi } from './test-support/embedded-api.ts';
import {
  bearer,
  grantRole,
  writeTokens,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { ACCESS_TOKEN } from './test-support/caller.ts';
import { consoleHostNames } from './access/access-layer.ts';
import { CONSOLE_REQUEST_HEADER } from '@forklift-console/api';

/** What the console's page sends as the administrator: the session's token and our header. */
const ADMIN = { authorization: `Bearer ${ACCESS_TOKEN}`, [CONSOLE_REQUEST_HEADER]: '1' };
import {
  createComponentRegistry,
  PROCESS_COMPONENT,
  type ComponentRegistry,
} from './components/registry.ts';

describe('BFF on the embedded API server', () => {
  let api: TestApi;
  let feed: ChangeFeed;
  let app: FastifyInstance;
  let baseUrl: string;
  let components: ComponentRegistry;

  before(async () => {
    components = createComponentRegistry();
    components.register('embedded-api', 'api-server', () => ({ state: 'Running' }));
    components.register(PROCESS_COMPONENT, 'controller', () => ({ state: 'Running' }));
    const logger = createLogger('info', components.logStream);
    api = await startTestApi('bff-app-', { logger });
    const { connection, dataDir } = api;
    await seedSampleResources(connection.kubeConfig, dataDir, logger);
    feed = await startChangeFeed(connection.kubeConfig, logger);
    app = await buildApp({
      logger,
      connection,
      feed,
      components,
      inventories: createInventoryRegistry(),
      ovaShareRoot: path.join(dataDir, 'ova-shares'),
      shellDir: path.join(dataDir, 'no-shell'),
      pluginDir: path.join(dataDir, 'no-plugin'),
      access: { accessToken: ACCESS_TOKEN, allowedHosts: consoleHostNames('127.0.0.1', []) },
    });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  after(async () => {
    // Optional chaining: a failed setup must still release whatever it started.
    await app?.close();
    await feed?.stop();
    await api?.close();
  });

  test('is ready once the Kubernetes API answers and its watches are live, for any prober', async () => {
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    const ready = await app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
  });

  test('lists the seeded namespaces, provider and controller', async () => {
    const namespaces = (await app.inject({ url: '/api/v1/namespaces', headers: ADMIN })).json();
    assert.ok(namespaces.items.includes('openshift-mtv'));
    assert.ok(namespaces.items.includes('demo'));

    const providers = (
      await app.inject({ url: '/api/v1/resources/providers', headers: ADMIN })
    ).json();
    const host = providers.items.find(
      (p: { metadata: { name: string } }) => p.metadata.name === 'host',
    );
    assert.equal(host?.spec.type, 'openshift');
    assert.equal(host?.metadata.namespace, 'openshift-mtv');

    const inDemo = (
      await app.inject({ url: '/api/v1/resources/providers?namespace=demo', headers: ADMIN })
    ).json();
    assert.deepEqual(inDemo.items, []);

    const controller = await app.inject({
      url: '/api/v1/resources/forkliftcontrollers/openshift-mtv/forklift-controller',
      headers: ADMIN,
    });
    assert.equal(controller.statusCode, 200);
    assert.equal(controller.json().spec.feature_ui_plugin, 'true');
  });

  test('says what is wrong with a bad request instead of guessing', async () => {
    const secrets = await app.inject({ url: '/api/v1/resources/secrets', headers: ADMIN });
    assert.equal(secrets.statusCode, 400);
    assert.match(secrets.json().message, /resource/);

    const badNamespace = await app.inject({
      url: '/api/v1/resources/plans?namespace=Not_A_Name',
      headers: ADMIN,
    });
    assert.equal(badNamespace.statusCode, 400);
    assert.match(badNamespace.json().message, /namespace/);

    const missing = await app.inject({
      url: '/api/v1/resources/plans/demo/no-such-plan',
      headers: ADMIN,
    });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().message, /no-such-plan/);
  });

  test('pushes a change to open pages when a resource is created', async () => {
    const response = await fetch(`${baseUrl}/api/v1/events`, { headers: ADMIN });
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}: ${received}`);
        received += value;
      }
    };
    await readUntil('event: ready');

    await api.connection.kubeConfig.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
      group: 'forklift.konveyor.io',
      version: 'v1beta1',
      namespace: 'demo',
      plural: 'plans',
      body: {
        apiVersion: 'forklift.konveyor.io/v1beta1',
        kind: 'Plan',
        metadata: { name: 'pushed-plan', namespace: 'demo' },
        spec: {
          provider: {
            source: { name: 'host', namespace: 'openshift-mtv' },
            destination: { name: 'host', namespace: 'openshift-mtv' },
          },
          map: { network: { name: 'n' }, storage: { name: 's' } },
          targetNamespace: 'demo',
          vms: [],
        },
      },
    });
    await readUntil('"name":"pushed-plan"');
    const line = received.split('\n').find((l) => l.includes('"pushed-plan"'));
    assert.deepEqual(JSON.parse(line!.replace(/^data: /, '')), {
      resource: 'plans',
      namespace: 'demo',
      name: 'pushed-plan',
      type: 'ADDED',
    });
    await reader.cancel();
  });

  test('a JSON answer sent with br or gzip decodes to the same JSON as the plain one', async () => {
    // Large enough (5 KB) to be compressed: answers under 1 KB are sent as they are.
    const url = '/api/v1/resources/forkliftcontrollers';
    const plain = await app.inject({ url, headers: ADMIN });
    assert.equal(plain.headers['content-encoding'], undefined);
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [encoding, decode] of Object.entries(decoders)) {
      const response = await app.inject({
        url,
        headers: { ...ADMIN, 'accept-encoding': encoding },
      });
      assert.equal(response.headers['content-encoding'], encoding);
      assert.match(String(response.headers.vary), /accept-encoding/i);
      assert.deepEqual(JSON.parse(decode(response.rawPayload).toString()), plain.json());
    }
  });

  test('the server push is never compressed, so each event leaves at once', async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { ...ADMIN, 'accept-encoding': 'br, gzip' },
      signal: controller.signal,
    });
    assert.equal(response.headers.get('content-encoding'), null);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    assert.match((await reader.read()).value ?? '', /^event: ready/);
    controller.abort();
  });

  test('reports where kubectl can reach the embedded API server', async () => {
    const info = (await app.inject({ url: '/api/v1/info', headers: ADMIN })).json();
    assert.equal(info.mode, 'embedded');
    assert.equal(info.kubernetesApiUrl, api.connection.serverUrl);
  });

  test('tells a browser that the console is not built instead of a bare 404', async () => {
    const page = await app.inject({
      url: '/mtv/overview',
      headers: { ...ADMIN, accept: 'text/html' },
    });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /npm run build/);
    const api = await app.inject({ url: '/api/v1/nothing-here', headers: ADMIN });
    assert.equal(api.statusCode, 404);
  });

  describe('Settings of the migration service', () => {
    const controller = async () =>
      (await app.inject({ url: '/api/v1/admin/forklift-controller', headers: ADMIN })).json() as {
        metadata: { resourceVersion: string };
        spec: Record<string, unknown>;
      };
    const saveSettings = async (changes: Record<string, unknown>, resourceVersion?: string) =>
      app.inject({
        method: 'PATCH',
        url: '/api/v1/admin/forklift-controller/settings',
        headers: ADMIN,
        payload: {
          resourceVersion: resourceVersion ?? (await controller()).metadata.resourceVersion,
          changes,
        },
      });

    test('a changed setting is stored in the ForkliftController spec', async () => {
      const saved = await saveSettings({ controller_max_vm_inflight: 5 });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal((await controller()).spec.controller_max_vm_inflight, 5);
    });

    test('choosing the default transfer network removes the key', async () => {
      await saveSettings({ controller_transfer_network: 'demo/migration-net' });
      assert.equal((await controller()).spec.controller_transfer_network, 'demo/migration-net');
      await saveSettings({ controller_transfer_network: null });
      assert.equal('controller_transfer_network' in (await controller()).spec, false);
    });

    test('an invalid value is refused with 400 naming the setting, and nothing changes', async () => {
      const before = await controller();
      const refused = await saveSettings({ controller_container_limits_cpu: '3' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.json().message, /controller_container_limits_cpu/);
      assert.deepEqual((await controller()).spec, before.spec);
    });

    test('a key that is not a setting is refused with 400 naming it, and nothing changes', async () => {
      const before = await controller();
      // Dropped instead, the misspelt setting would be answered 200 with nothing saved.
      const misspelt = await saveSettings({ controller_max_vm_inflight: 7, controller_max_vms: 7 });
      assert.equal(misspelt.statusCode, 400);
      assert.equal(
        misspelt.json().message,
        'body/changes has an unknown property "controller_max_vms"',
      );
      const extra = await app.inject({
        method: 'PATCH',
        url: '/api/v1/admin/forklift-controller/settings',
        headers: ADMIN,
        payload: { resourceVersion: before.metadata.resourceVersion, changes: {}, force: true },
      });
      assert.equal(extra.statusCode, 400);
      assert.equal(extra.json().message, 'body has an unknown property "force"');
      const numberAsText = await saveSettings({ controller_max_vm_inflight: '7' });
      assert.equal(numberAsText.statusCode, 400);
      assert.match(numberAsText.json().message, /body\/changes\/controller_max_vm_inflight/);
      assert.deepEqual((await controller()).spec, before.spec);
    });

    test('a form read before someone else saved is refused with 409', async () => {
      const stale = (await controller()).metadata.resourceVersion;
      await saveSettings({ controller_precopy_interval: 30 });
      const refused = await saveSettings({ controller_precopy_interval: 120 }, stale);
      assert.equal(refused.statusCode, 409);
      assert.equal((await controller()).spec.controller_precopy_interval, 30);
    });

    test('saving the YAML answers with the API server verdict', async () => {
      const current = await controller();
      const invalid = await app.inject({
        method: 'PUT',
        headers: ADMIN,
        url: '/api/v1/admin/forklift-controller',
        payload: { ...current, spec: { ...current.spec, controller_max_vm_inflight: 'many' } },
      });
      assert.equal(invalid.statusCode, 422);
      assert.match(invalid.json().message, /spec\.controller_max_vm_inflight/);
    });
  });

  describe('who may administer the migration service', () => {
    before(async () => {
      // Written while the API runs: it picks up a changed token file without a restart.
      await writeTokens(api.dataDir, [
        { token: 'viewer-token', user: 'viewer' },
        { token: 'operator-token', user: 'operator', groups: ['mtv-admins'] },
      ]);
      await grantRole(api.connection.kubeConfig, {
        role: 'mtv-admin',
        rules: [
          { apiGroups: [''], resources: ['namespaces'], verbs: ['list'] },
          { apiGroups: ['forklift.konveyor.io'], resources: ['*'], verbs: ['*'] },
        ],
        group: 'mtv-admins',
      });
    });

    const access = async (token?: string) =>
      app.inject({
        url: '/api/v1/admin/access',
        headers: token ? bearer(token) : ADMIN,
      });

    test('the local administrator and users granted the rights are administrators', async () => {
      assert.deepEqual((await access()).json(), { administrator: true });
      assert.deepEqual((await access('operator-token')).json(), { administrator: true });
      const controller = await app.inject({
        url: '/api/v1/admin/forklift-controller',
        headers: { authorization: 'Bearer operator-token' },
      });
      assert.equal(controller.statusCode, 200);
    });

    test('anyone else is told they are not, and the admin routes answer 403', async () => {
      assert.deepEqual((await access('viewer-token')).json(), { administrator: false });
      for (const [method, url] of [
        ['GET', '/api/v1/admin/forklift-controller'],
        ['PATCH', '/api/v1/admin/forklift-controller/settings'],
      ] as const) {
        const refused = await app.inject({
          method,
          url,
          headers: { ...bearer('viewer-token'), [CONSOLE_REQUEST_HEADER]: '1' },
          ...(method === 'PATCH' ? { payload: { resourceVersion: '1', changes: {} } } : {}),
        });
        assert.equal(refused.statusCode, 403, `${method} ${url}`);
        assert.match(refused.json().message, /You need administrator access/);
      }
    });

    test('an unknown token is refused with 401', async () => {
      assert.equal((await access('forged')).statusCode, 401);
    });
  });

  test('the Health tab lists the BFF components, the controller first, with their logs', async () => {
    const health = (await app.inject({ url: '/api/v1/admin/health', headers: ADMIN })).json() as {
      components: { name: string; state: string; logs: { kind: string } }[];
    };
    assert.deepEqual(
      health.components.map((component) => [component.name, component.state, component.logs.kind]),
      [
        [PROCESS_COMPONENT, 'Running', 'bff'],
        ['embedded-api', 'Running', 'bff'],
      ],
    );
    const logs = await app.inject({
      url: `/api/v1/admin/health/${PROCESS_COMPONENT}/logs`,
      headers: ADMIN,
    });
    assert.equal(logs.statusCode, 200);
    assert.match(logs.body, /incoming request/);
    const unknown = await app.inject({ url: '/api/v1/admin/health/nothing/logs', headers: ADMIN });
    assert.equal(unknown.statusCode, 404);
  });
});
