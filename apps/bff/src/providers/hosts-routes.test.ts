// Choosing the migration network of ESXi hosts, against the real embedded API server: a Host CR and
// a Secret per host, owned so that deleting the provider removes them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { HostModel, ProviderModel, type Host, type Provider } from '@forklift-console/api';
import {
  createVsphereProvider,
  startRouteTest,
  type RouteTest,
} from '../test-support/route-test.ts';
import { createLogger } from '../logging.ts';
import {
  hostResourceName,
  hostSecretPrefix,
  hostsRequestError,
  hostsRoutes,
} from './hosts-routes.ts';

const NAMESPACE = 'hosts-test';

const vsphere = (settings?: Record<string, string>): Provider => ({
  metadata: { name: 'vcenter', namespace: NAMESPACE },
  spec: { type: 'vsphere', url: 'https://vc/sdk', secret: { name: 's' }, settings },
});

const choice = (id: string, ipAddress = '192.0.2.10') => ({ id, name: `esx-${id}`, ipAddress });

describe('host resource names', () => {
  test('are DNS-safe and keep the provider and host id', () => {
    assert.equal(hostResourceName('vcenter', 'host-21'), 'vcenter-host-21');
    assert.equal(hostResourceName('vcenter', 'Host_21.A'), 'vcenter-host-21-a');
    assert.equal(hostSecretPrefix('vcenter', 'host-21'), 'vcenter-host-21-');
    assert.ok(hostResourceName('p'.repeat(250), 'host-21').length <= 253);
    assert.ok(hostSecretPrefix('p'.repeat(250), 'host-21').length <= 248);
  });
});

describe('hostsRequestError', () => {
  const credentials = { username: 'root', password: 'pw' };

  test('accepts IPv4 and IPv6 addresses with credentials', () => {
    const request = { hosts: [choice('host-1'), choice('host-2', '2001:db8::7')], ...credentials };
    assert.equal(hostsRequestError(request, vsphere()), undefined);
  });

  test('names the host whose address is not an IP', () => {
    const request = { hosts: [choice('host-1'), choice('host-2', 'esx2.lab')], ...credentials };
    assert.match(hostsRequestError(request, vsphere()) ?? '', /^hosts\[1\]\.ipAddress/);
  });

  test('names a host given twice', () => {
    const request = { hosts: [choice('host-1'), choice('host-1', '192.0.2.11')], ...credentials };
    assert.match(hostsRequestError(request, vsphere()) ?? '', /^hosts\[1\]\.id repeats hosts\[0\]/);
  });

  test('needs credentials without spaces for a vCenter, none for an ESXi endpoint', () => {
    assert.match(hostsRequestError({ hosts: [choice('h')] }, vsphere()) ?? '', /^username/);
    assert.match(
      hostsRequestError({ hosts: [choice('h')], username: 'root', password: 'a b' }, vsphere()) ??
        '',
      /^password: Remove the spaces/,
    );
    assert.equal(
      hostsRequestError({ hosts: [choice('h')] }, vsphere({ sdkEndpoint: 'esxi' })),
      undefined,
    );
  });

  test('refuses a provider that is not vSphere', () => {
    const ovirt: Provider = { ...vsphere(), spec: { type: 'ovirt', secret: {} } };
    assert.match(
      hostsRequestError({ hosts: [choice('h')], ...credentials }, ovirt) ?? '',
      /only vSphere/,
    );
  });
});

describe('hosts route on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;

  const createProvider = (name: string, settings?: Record<string, string>) =>
    createVsphereProvider(routeTest, NAMESPACE, name, { settings });

  const readHost = async (name: string) =>
    (await custom.getNamespacedCustomObject({
      group: HostModel.group,
      version: HostModel.version,
      plural: HostModel.plural,
      namespace: NAMESPACE,
      name,
    })) as Host;

  const readSecret = async (name: string) => {
    const secret = await core.readNamespacedSecret({ name, namespace: NAMESPACE });
    const data = Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
    );
    return { secret, data };
  };

  const save = (provider: string, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/namespaces/${NAMESPACE}/providers/${provider}/hosts`,
      payload,
    });

  before(async () => {
    const logger = createLogger('silent');
    routeTest = await startRouteTest('hosts-routes-', hostsRoutes, {
      namespace: NAMESPACE,
      logger,
    });
    ({ app, core, custom } = routeTest);
  });

  after(() => routeTest?.close());

  test('creates a Host owned by the provider and a Secret owned by its Host', async () => {
    const provider = await createProvider('vcenter');
    const response = await save('vcenter', {
      hosts: [choice('host-21', '192.0.2.21'), choice('host-22', '192.0.2.22')],
      username: 'root',
      password: 'esx-pw',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { names: ['vcenter-host-21', 'vcenter-host-22'] });

    const host = await readHost('vcenter-host-21');
    assert.equal(host.spec?.id, 'host-21');
    assert.equal(host.spec?.name, 'esx-host-21');
    assert.equal(host.spec?.ipAddress, '192.0.2.21');
    assert.deepEqual(host.spec?.provider, { namespace: NAMESPACE, name: 'vcenter' });
    assert.equal(host.metadata?.ownerReferences?.[0]?.uid, provider.metadata?.uid);

    const secretName = host.spec?.secret.name ?? '';
    assert.match(secretName, /^vcenter-host-21-.+/);
    assert.equal(host.spec?.secret.namespace, NAMESPACE);
    const { secret, data } = await readSecret(secretName);
    assert.deepEqual(data, { user: 'root', password: 'esx-pw' });
    assert.deepEqual(
      secret.metadata?.ownerReferences?.map(({ kind, name, uid }) => ({ kind, name, uid })),
      [{ kind: 'Host', name: 'vcenter-host-21', uid: host.metadata?.uid }],
    );
    assert.doesNotMatch(response.body, /esx-pw/);
  });

  test('saving again updates the same Host and Secret instead of adding new ones', async () => {
    await createProvider('again');
    await save('again', { hosts: [choice('host-1', '192.0.2.1')], username: 'a', password: 'b' });
    const first = await readHost('again-host-1');
    const response = await save('again', {
      hosts: [choice('host-1', '198.51.100.1')],
      username: 'root',
      password: 'new-pw',
    });
    assert.equal(response.statusCode, 200, response.body);
    const second = await readHost('again-host-1');
    assert.equal(second.spec?.ipAddress, '198.51.100.1');
    assert.equal(second.spec?.secret.name, first.spec?.secret.name);
    assert.deepEqual((await readSecret(second.spec?.secret.name ?? '')).data, {
      user: 'root',
      password: 'new-pw',
    });
    const secrets = await core.listNamespacedSecret({ namespace: NAMESPACE });
    assert.equal(
      secrets.items.filter((s) => s.metadata?.name?.startsWith('again-host-1-')).length,
      1,
    );
  });

  test('an ESXi endpoint without credentials uses the provider Secret', async () => {
    await createProvider('esxi', { sdkEndpoint: 'esxi' });
    const response = await save('esxi', { hosts: [choice('ha-host', '192.0.2.50')] });
    assert.equal(response.statusCode, 200, response.body);
    const host = await readHost('esxi-ha-host');
    assert.deepEqual(host.spec?.secret, { namespace: NAMESPACE, name: 'esxi-secret' });
  });

  test('a bad address is refused naming the host, and nothing is created', async () => {
    await createProvider('refused');
    const response = await save('refused', {
      hosts: [choice('host-1'), choice('host-2', '192.0.2.300')],
      username: 'root',
      password: 'pw',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /hosts\[1\]\.ipAddress/);
    await assert.rejects(readHost('refused-host-1'), /404|not found/i);
  });

  test('a Host name already taken answers 409 and leaves no Secret with the credentials', async () => {
    await createProvider('taken');
    // Another provider's Host holds the name this one's Host would get.
    await custom.createNamespacedCustomObject({
      group: HostModel.group,
      version: HostModel.version,
      plural: HostModel.plural,
      namespace: NAMESPACE,
      body: {
        apiVersion: 'forklift.konveyor.io/v1beta1',
        kind: 'Host',
        metadata: { name: 'taken-host-1' },
        spec: {
          id: 'host-1',
          ipAddress: '192.0.2.1',
          provider: { namespace: NAMESPACE, name: 'other' },
          secret: { namespace: NAMESPACE, name: 'other-secret' },
        },
      },
    });
    const secretNames = async () =>
      (await core.listNamespacedSecret({ namespace: NAMESPACE })).items
        .map((secret) => secret.metadata?.name)
        .sort();
    const before = await secretNames();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await save('taken', {
        hosts: [choice('host-1')],
        username: 'root',
        password: 'esx-pw',
      });
      assert.equal(response.statusCode, 409, response.body);
      assert.match(response.json().message, /taken-host-1.*already exists/);
    }
    assert.deepEqual(await secretNames(), before);
  });

  test('an empty host list is refused by the schema', async () => {
    const response = await save('vcenter', { hosts: [], username: 'root', password: 'pw' });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /hosts/);
  });

  test('an unknown provider answers 404 naming it', async () => {
    const response = await save('nowhere', {
      hosts: [choice('h')],
      username: 'root',
      password: 'pw',
    });
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /nowhere/);
  });

  test('deleting the provider removes its Hosts and their Secrets', async () => {
    await createProvider('cascade');
    await save('cascade', { hosts: [choice('host-9')], username: 'root', password: 'pw' });
    const secretName = (await readHost('cascade-host-9')).spec?.secret.name ?? '';
    await custom.deleteNamespacedCustomObject({
      group: ProviderModel.group,
      version: ProviderModel.version,
      plural: ProviderModel.plural,
      namespace: NAMESPACE,
      name: 'cascade',
    });
    await assert.rejects(readHost('cascade-host-9'), /404|not found/i);
    await assert.rejects(readSecret(secretName), /404|not found/i);
  });
});
