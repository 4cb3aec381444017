// Who gets in, as a browser tab on another site, a second local user or a curl would try it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { CONSOLE_REQUEST_HEADER } from '@forklift-console/api';
import { consoleHostNames, registerAccessLayer, SESSION_COOKIE } from './access-layer.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import { ACCESS_TOKEN } from '../test-support/caller.ts';

const HOSTS = consoleHostNames('127.0.0.1', ['console.lab']);

/** An app whose routes answer who the access layer says is calling. */
const startApp = async (api: TestApi, options: { noAuth?: boolean; cluster?: boolean } = {}) => {
  const app = Fastify();
  registerAccessLayer(app, {
    connection: { ...api.connection, mode: options.cluster ? 'cluster' : 'embedded' },
    ...(options.noAuth ? { noAuth: true } : { accessToken: ACCESS_TOKEN }),
    allowedHosts: HOSTS,
  });
  const whoAmI = async (request: { caller?: unknown }) => ({ caller: request.caller });
  app.get('/api/v1/whoami', whoAmI);
  app.post('/api/v1/whoami', whoAmI);
  app.get('/providers', async () => 'page');
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/plugin/plugin-manifest.json', async () => ({ name: 'forklift-console-plugin' }));
  return app;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const CONSOLE_WRITE = { ...bearer(ACCESS_TOKEN), [CONSOLE_REQUEST_HEADER]: '1' };

describe('the access layer of the standalone console', () => {
  let api: TestApi;
  let app: FastifyInstance;

  before(async () => {
    api = await startTestApi('bff-access-', {
      tokens: [{ token: 'viewer-token', user: 'viewer' }],
    });
    app = await startApp(api);
  });

  after(async () => {
    await app?.close();
    await api?.close();
  });

  test('a request with no token is refused, and a browser is told how to get in', async () => {
    const api = await app.inject('/api/v1/whoami');
    assert.equal(api.statusCode, 401);
    assert.match(api.json().message, /\?token=/);
    const page = await app.inject({ url: '/providers', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 401);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /Sign in to Forklift Console/);
    assert.doesNotMatch(page.body, new RegExp(ACCESS_TOKEN));
  });

  test('the printed link signs the browser in with an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    const link = await app.inject({
      url: `/providers?namespace=demo&token=${ACCESS_TOKEN}`,
      headers: { accept: 'text/html' },
    });
    assert.equal(link.statusCode, 303);
    assert.equal(link.headers.location, '/providers?namespace=demo');
    const cookie = String(link.headers['set-cookie']);
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=`));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);

    const session = cookie.split(';')[0]!;
    const page = await app.inject({ url: '/providers', headers: { cookie: session } });
    assert.equal(page.statusCode, 200);
    const me = await app.inject({ url: '/api/v1/whoami', headers: { cookie: session } });
    assert.deepEqual(me.json(), { caller: { kind: 'administrator' } });
  });

  test('a wrong token in the link or the cookie is refused', async () => {
    const link = await app.inject({
      url: '/providers?token=guessed',
      headers: { accept: 'text/html' },
    });
    assert.equal(link.statusCode, 401);
    assert.equal(link.headers['set-cookie'], undefined);
    const cookie = await app.inject({
      url: '/api/v1/whoami',
      headers: { cookie: `${SESSION_COOKIE}=guessed` },
    });
    assert.equal(cookie.statusCode, 401);
  });

  test('a bearer token acts as the administrator (access token) or as that embedded-API user', async () => {
    const administrator = await app.inject({
      url: '/api/v1/whoami',
      headers: bearer(ACCESS_TOKEN),
    });
    assert.deepEqual(administrator.json(), { caller: { kind: 'administrator' } });
    const viewer = await app.inject({ url: '/api/v1/whoami', headers: bearer('viewer-token') });
    assert.deepEqual(viewer.json(), { caller: { kind: 'user', token: 'viewer-token' } });
    const forged = await app.inject({ url: '/api/v1/whoami', headers: bearer('forged-token') });
    assert.equal(forged.statusCode, 401);
  });

  test('a Host the console does not answer to is refused, so DNS rebinding reads nothing', async () => {
    for (const host of ['attacker.example', 'attacker.example:9000', '127.0.0.1.nip.io']) {
      const response = await app.inject({
        url: '/api/v1/whoami',
        headers: { ...bearer(ACCESS_TOKEN), host },
      });
      assert.equal(response.statusCode, 421, host);
      assert.match(response.json().message, /--allowed-hosts/);
    }
    for (const host of ['localhost:9000', '127.0.0.1:9000', '[::1]:9000', 'Console.Lab']) {
      const response = await app.inject({
        url: '/api/v1/whoami',
        headers: { ...bearer(ACCESS_TOKEN), host },
      });
      assert.equal(response.statusCode, 200, host);
    }
  });

  test('a write must come from our page: same origin and our header', async () => {
    const fromPage = await app.inject({
      method: 'POST',
      url: '/api/v1/whoami',
      headers: {
        ...CONSOLE_WRITE,
        host: 'localhost:9000',
        origin: 'http://localhost:9000',
        'sec-fetch-site': 'same-origin',
      },
    });
    assert.equal(fromPage.statusCode, 200, fromPage.body);

    // The OpenShift console's fetch sends its CSRF header instead of ours.
    const fromConsole = await app.inject({
      method: 'POST',
      url: '/api/v1/whoami',
      headers: { ...bearer(ACCESS_TOKEN), 'x-csrftoken': 'abc' },
    });
    assert.equal(fromConsole.statusCode, 200, fromConsole.body);

    const noHeader = await app.inject({
      method: 'POST',
      url: '/api/v1/whoami',
      headers: bearer(ACCESS_TOKEN),
    });
    assert.equal(noHeader.statusCode, 403);
    assert.match(noHeader.json().message, new RegExp(CONSOLE_REQUEST_HEADER));

    const crossOrigin = await app.inject({
      method: 'POST',
      url: '/api/v1/whoami',
      headers: { ...CONSOLE_WRITE, host: 'localhost:9000', origin: 'https://attacker.example' },
    });
    assert.equal(crossOrigin.statusCode, 403);
    assert.match(crossOrigin.json().message, /attacker\.example/);

    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/v1/whoami',
      headers: { ...CONSOLE_WRITE, 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(crossSite.statusCode, 403);
  });

  test('health and readiness answer probes without credentials', async () => {
    assert.equal((await app.inject('/healthz')).statusCode, 200);
  });

  test('with --no-auth a request without credentials is the administrator, but a bad token is still refused and writes still need our header', async () => {
    const open = await startApp(api, { noAuth: true });
    try {
      const me = await open.inject('/api/v1/whoami');
      assert.deepEqual(me.json(), { caller: { kind: 'administrator' } });
      assert.equal(
        (await open.inject({ url: '/api/v1/whoami', headers: bearer('forged') })).statusCode,
        401,
      );
      assert.equal((await open.inject({ method: 'POST', url: '/api/v1/whoami' })).statusCode, 403);
      assert.equal(
        (await open.inject({ url: '/api/v1/whoami', headers: { host: 'attacker.example' } }))
          .statusCode,
        421,
      );
    } finally {
      await open.close();
    }
  });
});

describe('the access layer in a cluster', () => {
  let api: TestApi;
  let app: FastifyInstance;

  before(async () => {
    api = await startTestApi('bff-access-cluster-');
    app = await startApp(api, { cluster: true });
  });

  after(async () => {
    await app?.close();
    await api?.close();
  });

  test("a request without the user's bearer token is 401; the console's plugin assets load without one", async () => {
    assert.equal((await app.inject('/api/v1/whoami')).statusCode, 401);
    // There is no access token in a cluster, so the standalone one means nothing.
    const cookie = await app.inject({
      url: '/api/v1/whoami',
      headers: { cookie: `${SESSION_COOKIE}=${ACCESS_TOKEN}` },
    });
    assert.equal(cookie.statusCode, 401);
    assert.equal((await app.inject('/plugin/plugin-manifest.json')).statusCode, 200);
  });

  test("the forwarded token is the caller, whatever Host the console's proxy uses", async () => {
    const me = await app.inject({
      url: '/api/v1/whoami',
      headers: { ...bearer('sha256~user'), host: 'forklift-bff.openshift-mtv.svc:9443' },
    });
    assert.deepEqual(me.json(), { caller: { kind: 'user', token: 'sha256~user' } });
  });
});
