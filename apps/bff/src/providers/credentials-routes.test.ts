// A provider's credentials through the BFF, against the real embedded API server: masked unless
// revealed, validated per provider type, never logged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { CoreV1Api } from '@kubernetes/client-node';
import type { Provider } from '@forklift-console/api';
import {
  createVsphereProvider,
  startRouteTest,
  type RouteTest,
} from '../test-support/route-test.ts';
import { createLogger } from '../logging.ts';
import { credentialsError, credentialsRoutes } from './credentials-routes.ts';

const NAMESPACE = 'credentials-test';
const PASSWORD = 'Sup3r-s3cret-pw';

// A self-signed certificate for vcenter.example.com, valid until 2126.
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBkjCCATmgAwIBAgIURIbBKbfAQKXIbPtd/a68ZxZbVewwCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTdmNlbnRlci5leGFtcGxlLmNvbTAgFw0yNjExMjMxNTQyMzha
GA8yMTI2MTAzMDE1NDIzOFowHjEcMBoGA1UEAwwTdmNlbnRlci5leGFtcGxlLmNv
bTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNz64Y/oB97/2NdAkpiTAVJB5juZ
flsY+cVT7fVB8AJ2+/7w6SomPwUoHGMAgdDdJa83PSPXCEghBPZ6zqaJTEmjUzBR
MB0GA1UdDgQWBBRR8LDioc+eBTyKOoLzYWkBTuh/IzAfBgNVHSMEGDAWgBRR8LDi
oc+eBTyKOoLzYWkBTuh/IzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cA
MEQCIFClbu0hMbWEUSyJlP4BEh9KnWvxHXW9KgV+w5y/xQ2iAiBccYsbls6BGmSp
me+gi4bQPzMESuFkBIgFd5zorQMezQ==
-----END CERTIFICATE-----
`;

const provider = (type: string, url = 'https://x.example/sdk'): Provider => ({
  metadata: { name: 'p', namespace: 'ns' },
  spec: { type, url, secret: { name: 's' } },
});

describe('credentialsError', () => {
  const vsphere = provider('vsphere');

  test('accepts complete vSphere credentials, with or without a CA certificate', () => {
    const data = { user: 'admin', password: 'pw', insecureSkipVerify: 'false' };
    assert.equal(credentialsError(vsphere, data), undefined);
    assert.equal(credentialsError(vsphere, { ...data, cacert: CERTIFICATE }), undefined);
  });

  test('names the key that is missing or wrong', () => {
    assert.match(credentialsError(vsphere, { user: 'admin' }) ?? '', /^data\.password is required/);
    assert.match(
      credentialsError(vsphere, { user: 'ad min', password: 'pw' }) ?? '',
      /^data\.user: Remove the spaces/,
    );
    assert.match(
      credentialsError(vsphere, { user: 'a', password: 'b', insecureSkipVerify: 'yes' }) ?? '',
      /^data\.insecureSkipVerify/,
    );
    assert.match(
      credentialsError(vsphere, { user: 'a', password: 'b', cacert: 'not a certificate' }) ?? '',
      /^data\.cacert: The CA certificate must be PEM text/,
    );
    const corrupt = CERTIFICATE.replace('MIIBkjCC', 'MIIBkjXX');
    assert.match(
      credentialsError(vsphere, { user: 'a', password: 'b', cacert: corrupt }) ?? '',
      /^data\.cacert: The PEM text of the CA certificate does not hold a readable certificate/,
    );
    assert.match(credentialsError(vsphere, { 'bad key': 'x' }) ?? '', /"bad key"/);
  });

  test('asks an openshift provider for a token only when it has a URL', () => {
    assert.match(credentialsError(provider('openshift'), {}) ?? '', /data\.token/);
    assert.equal(credentialsError(provider('openshift', ''), {}), undefined);
  });

  test('refuses credentials for an OVA provider, which has none', () => {
    assert.match(credentialsError(provider('ova'), {}) ?? '', /OVA/);
  });
});

describe('credentials routes on the embedded API server', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let core: CoreV1Api;
  let logged = '';

  const createProvider = (name: string, secret: Record<string, string> | undefined) =>
    createVsphereProvider(routeTest, NAMESPACE, name, { secret: secret ?? 'none' });

  const url = (name: string) => `/api/v1/namespaces/${NAMESPACE}/providers/${name}/credentials`;

  before(async () => {
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          logged += String(chunk);
          done();
        },
      }),
    );
    routeTest = await startRouteTest('credentials-routes-', credentialsRoutes, {
      namespace: NAMESPACE,
      logger,
    });
    ({ app, core } = routeTest);
    await createProvider('vcenter', {
      user: 'administrator@vsphere.local',
      password: PASSWORD,
      insecureSkipVerify: 'true',
      cacert: '',
    });
  });

  after(() => routeTest?.close());

  test('by default names the keys and whether each is set, never a value', async () => {
    const response = await app.inject(url('vcenter'));
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(response.json(), {
      secretName: 'vcenter-secret',
      keys: [
        { key: 'cacert', set: false },
        { key: 'insecureSkipVerify', set: true },
        { key: 'password', set: true },
        { key: 'user', set: true },
      ],
    });
    assert.doesNotMatch(response.body, /administrator|Sup3r/);
  });

  test('reveals the decoded values only when asked, uncached and unlogged', async () => {
    const response = await app.inject(`${url('vcenter')}?reveal=true`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(response.json(), {
      secretName: 'vcenter-secret',
      data: {
        cacert: '',
        insecureSkipVerify: 'true',
        password: PASSWORD,
        user: 'administrator@vsphere.local',
      },
    });
    assert.match(logged, /credentials\?reveal=true/);
    assert.doesNotMatch(logged, new RegExp(PASSWORD));
  });

  test('PUT replaces the Secret data, keeping its labels and owner', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: url('vcenter'),
      payload: {
        data: {
          user: 'migrator@vsphere.local',
          password: 'N3w-pw',
          insecureSkipVerify: 'false',
          cacert: CERTIFICATE,
        },
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.doesNotMatch(response.body, /N3w-pw|migrator/);
    const secret = await core.readNamespacedSecret({
      name: 'vcenter-secret',
      namespace: NAMESPACE,
    });
    const decoded = Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
    );
    assert.deepEqual(decoded, {
      user: 'migrator@vsphere.local',
      password: 'N3w-pw',
      insecureSkipVerify: 'false',
      cacert: CERTIFICATE,
    });
    assert.equal(secret.metadata?.labels?.createdForResourceType, 'providers');
    assert.equal(secret.metadata?.ownerReferences?.[0]?.name, 'vcenter');
    assert.doesNotMatch(logged, /N3w-pw/);
  });

  test('PUT refuses incomplete credentials naming the key, and changes nothing', async () => {
    const before = await core.readNamespacedSecret({
      name: 'vcenter-secret',
      namespace: NAMESPACE,
    });
    const response = await app.inject({
      method: 'PUT',
      url: url('vcenter'),
      payload: { data: { user: 'admin', insecureSkipVerify: 'true' } },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /data\.password/);
    const after = await core.readNamespacedSecret({
      name: 'vcenter-secret',
      namespace: NAMESPACE,
    });
    assert.deepEqual(after.data, before.data);
  });

  test('PUT without data is refused by the schema', async () => {
    const response = await app.inject({ method: 'PUT', url: url('vcenter'), payload: {} });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().message, /data/);
  });

  test('a provider that references no Secret answers 404 saying so', async () => {
    await createProvider('bare', undefined);
    const response = await app.inject(url('bare'));
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /spec\.secret\.name is empty/);
  });

  test('a referenced Secret that does not exist answers 404 naming it', async () => {
    await createProvider('orphan', { user: 'a', password: 'b' });
    await core.deleteNamespacedSecret({ name: 'orphan-secret', namespace: NAMESPACE });
    const response = await app.inject(url('orphan'));
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /credentials-test\/orphan-secret/);
  });

  test('an unknown provider answers 404 naming it', async () => {
    const response = await app.inject(url('nowhere'));
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /nowhere/);
  });
});
