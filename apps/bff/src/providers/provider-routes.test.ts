// Editing and deleting a Provider through the BFF, against the real embedded API server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { ProviderModel, type Provider } from '@forklift-console/api';
import {
  createVsphereProvider,
  startRouteTest,
  type RouteTest,
} from '../test-support/route-test.ts';
import { createLogger } from '../logging.ts';
import { providerPatchError, providerRoutes } from './provider-routes.ts';

const NAMESPACE = 'provider-routes-test';
const { group, version, plural } = ProviderModel;

describe('providerPatchError', () => {
  test('accepts the fields the Details tab edits', () => {
    assert.equal(
      providerPatchError({
        metadata: { annotations: { 'forklift.konveyor.io/providerUI': 'https://x/ui' } },
        spec: { url: 'https://x/sdk', settings: { vddkInitImage: null } },
      }),
      undefined,
    );
  });

  test('names the field it refuses', () => {
    assert.match(providerPatchError({ spec: { type: 'ova' } }) ?? '', /^spec\.type cannot/);
    assert.match(providerPatchError({ status: {} }) ?? '', /^status cannot/);
    assert.match(providerPatchError({ metadata: { labels: {} } }) ?? '', /^metadata\.labels/);
  });

  test('refuses a patch that changes nothing', () => {
    assert.match(providerPatchError({}) ?? '', /changes nothing/);
    assert.match(providerPatchError({ metadata: { resourceVersion: '3' } }) ?? '', /nothing/);
  });
});

describe('provider routes on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let custom: CustomObjectsApi;
  let core: CoreV1Api;

  const createProvider = (name: string) =>
    createVsphereProvider(routeTest, NAMESPACE, name, { secret: { user: 'admin' } });

  const read = async (name: string) =>
    (await custom.getNamespacedCustomObject({
      group,
      version,
      plural,
      namespace: NAMESPACE,
      name,
    })) as Provider;

  const url = (name: string) => `/api/v1/namespaces/${NAMESPACE}/providers/${name}`;

  before(async () => {
    const logger = createLogger('silent');
    routeTest = await startRouteTest('provider-routes-', providerRoutes, {
      namespace: NAMESPACE,
      logger,
    });
    ({ app, core, custom } = routeTest);
  });

  after(() => routeTest?.close());

  test('PUT stores the edited YAML and answers the stored Provider', async () => {
    const provider = await createProvider('edited');
    const response = await app.inject({
      method: 'PUT',
      url: url('edited'),
      payload: { ...provider, spec: { ...provider.spec, url: 'https://other.example.com/sdk' } },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().spec.url, 'https://other.example.com/sdk');
    assert.equal((await read('edited')).spec?.url, 'https://other.example.com/sdk');
  });

  test('PUT of a Provider read before someone else saved is refused with 409', async () => {
    const stale = await createProvider('stale');
    await app.inject({
      method: 'PATCH',
      url: url('stale'),
      payload: { spec: { url: 'https://newer.example.com/sdk' } },
    });
    const response = await app.inject({ method: 'PUT', url: url('stale'), payload: stale });
    assert.equal(response.statusCode, 409);
    assert.equal((await read('stale')).spec?.url, 'https://newer.example.com/sdk');
  });

  test('PUT refuses a rename, a move and a missing resourceVersion, naming the field', async () => {
    const provider = await createProvider('fixed');
    const renamed = await app.inject({
      method: 'PUT',
      url: url('fixed'),
      payload: { ...provider, metadata: { ...provider.metadata, name: 'other' } },
    });
    assert.equal(renamed.statusCode, 400);
    assert.match(renamed.json().message, /metadata\.name/);

    const moved = await app.inject({
      method: 'PUT',
      url: url('fixed'),
      payload: { ...provider, metadata: { ...provider.metadata, namespace: 'default' } },
    });
    assert.equal(moved.statusCode, 400);
    assert.match(moved.json().message, /metadata\.namespace/);

    const { resourceVersion: _resourceVersion, ...metadata } = provider.metadata ?? {};
    const blind = await app.inject({
      method: 'PUT',
      url: url('fixed'),
      payload: { ...provider, metadata },
    });
    assert.equal(blind.statusCode, 400);
    assert.match(blind.json().message, /resourceVersion/);
  });

  test('PUT of an invalid spec answers the API server verdict', async () => {
    const provider = await createProvider('invalid');
    const response = await app.inject({
      method: 'PUT',
      url: url('invalid'),
      payload: { ...provider, spec: { type: 'vsphere', url: 7 } },
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.json().message, /spec\./);
  });

  test('PATCH sets and removes annotations and settings, and changes the URL', async () => {
    await createProvider('patched');
    const set = await app.inject({
      method: 'PATCH',
      url: url('patched'),
      payload: {
        metadata: { annotations: { 'forklift.konveyor.io/providerUI': 'https://vc.example/ui' } },
        spec: { url: 'https://vc.example/sdk', settings: { vddkInitImage: 'quay.io/x/vddk:8' } },
      },
    });
    assert.equal(set.statusCode, 200, set.body);
    let stored = await read('patched');
    assert.equal(
      stored.metadata?.annotations?.['forklift.konveyor.io/providerUI'],
      'https://vc.example/ui',
    );
    assert.equal(stored.spec?.url, 'https://vc.example/sdk');
    assert.deepEqual(stored.spec?.settings, { vddkInitImage: 'quay.io/x/vddk:8' });
    // The secret reference is untouched by a merge patch that does not name it.
    assert.equal(stored.spec?.secret.name, 'patched-secret');

    const removed = await app.inject({
      method: 'PATCH',
      url: url('patched'),
      payload: {
        metadata: { annotations: { 'forklift.konveyor.io/providerUI': null } },
        spec: { settings: { vddkInitImage: null } },
      },
    });
    assert.equal(removed.statusCode, 200, removed.body);
    stored = await read('patched');
    assert.equal(stored.metadata?.annotations?.['forklift.konveyor.io/providerUI'], undefined);
    assert.equal(stored.spec?.settings?.vddkInitImage, undefined);
  });

  test('PATCH refuses fields outside the Details tab, and bad values, naming them', async () => {
    await createProvider('guarded');
    const type = await app.inject({
      method: 'PATCH',
      url: url('guarded'),
      payload: { spec: { type: 'ova' } },
    });
    assert.equal(type.statusCode, 400);
    assert.match(type.json().message, /spec\.type/);

    const badValue = await app.inject({
      method: 'PATCH',
      url: url('guarded'),
      payload: { spec: { settings: { vddkInitImage: { image: 'x' } } } },
    });
    assert.equal(badValue.statusCode, 400);
    assert.match(badValue.json().message, /settings\/vddkInitImage/);
    assert.equal((await read('guarded')).spec?.type, 'vsphere');
  });

  test('PATCH with a stale resourceVersion is refused with 409', async () => {
    const provider = await createProvider('raced');
    await app.inject({
      method: 'PATCH',
      url: url('raced'),
      payload: { spec: { url: 'https://first.example/sdk' } },
    });
    const response = await app.inject({
      method: 'PATCH',
      url: url('raced'),
      payload: {
        metadata: { resourceVersion: provider.metadata?.resourceVersion },
        spec: { url: 'https://second.example/sdk' },
      },
    });
    assert.equal(response.statusCode, 409);
  });

  test('DELETE removes the Provider, and its Secret with it', async () => {
    await createProvider('doomed');
    const response = await app.inject({ method: 'DELETE', url: url('doomed') });
    assert.equal(response.statusCode, 204, response.body);
    const gone = await app.inject({ method: 'DELETE', url: url('doomed') });
    assert.equal(gone.statusCode, 404);
    assert.match(gone.json().message, /doomed/);
    await assert.rejects(
      core.readNamespacedSecret({ name: 'doomed-secret', namespace: NAMESPACE }),
      /404|not found/i,
    );
  });

  test('a bad project name in the path is refused before Kubernetes is asked', async () => {
    const response = await app.inject({
      method: 'DELETE',
      url: '/api/v1/namespaces/Not_A_Name/providers/x',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /namespace/);
  });
});
