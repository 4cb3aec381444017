// Asking ahead what the caller may do, against the real embedded API server and its RBAC.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { CoreV1Api } from '@kubernetes/client-node';
import { ProviderModel } from '@forklift-console/api';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import {
  bearer,
  grantRole,
  PROVIDER_READER,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { accessReviewRoutes, MAX_CHECKS } from './routes.ts';
import { bffValidationOptions } from '../http/validation.ts';
import { actAsBearerOrAdministrator } from '../test-support/caller.ts';

const providers = { group: ProviderModel.group, resource: ProviderModel.plural };

describe('access reviews on the embedded API server', () => {
  let api: TestApi;
  let app: FastifyInstance;

  const review = (checks: unknown, token?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/access-reviews',
      headers: bearer(token),
      payload: { checks },
    });

  before(async () => {
    api = await startTestApi('bff-access-reviews-', {
      tokens: [
        { token: 'reader-token', user: 'reader' },
        { token: 'nobody-token', user: 'nobody' },
      ],
    });
    await api.connection.kubeConfig
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: 'mtv' } } });
    await grantRole(api.connection.kubeConfig, {
      ...PROVIDER_READER,
      user: 'reader',
      namespace: 'mtv',
    });
    app = Fastify(bffValidationOptions);
    actAsBearerOrAdministrator(app);
    await app.register(accessReviewRoutes, { connection: api.connection });
  });

  after(async () => {
    await app?.close();
    await api?.close();
  });

  const readerChecks = [
    { verb: 'get', ...providers, namespace: 'mtv', name: 'vcenter' },
    { verb: 'update', ...providers, namespace: 'mtv', name: 'vcenter' },
    { verb: 'list', ...providers, namespace: 'mtv' },
    { verb: 'list', ...providers, namespace: 'other' },
    // Without a namespace: across all projects, which a project's RoleBinding does not reach.
    { verb: 'list', ...providers },
    { verb: 'create', ...providers, namespace: 'mtv' },
    { verb: 'get', group: '', resource: 'secrets', namespace: 'mtv' },
  ];

  test("each check is decided by the caller's own RBAC, in the order asked", async () => {
    const asReader = await review(readerChecks, 'reader-token');
    assert.equal(asReader.statusCode, 200, asReader.body);
    assert.deepEqual(asReader.json(), {
      allowed: [true, false, true, false, false, false, false],
    });

    const asNobody = await review(readerChecks, 'nobody-token');
    assert.deepEqual(asNobody.json(), { allowed: readerChecks.map(() => false) });

    // Without a token, standalone, the caller is the local administrator.
    const asAdministrator = await review(readerChecks);
    assert.deepEqual(asAdministrator.json(), { allowed: readerChecks.map(() => true) });
  });

  test('as many checks as allowed are answered', async () => {
    const checks = Array.from({ length: MAX_CHECKS }, (_, index) => ({
      verb: index % 2 ? 'get' : 'delete',
      ...providers,
      namespace: 'mtv',
    }));
    const response = await review(checks, 'reader-token');
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(
      response.json().allowed,
      checks.map(({ verb }) => verb === 'get'),
    );
  });

  test('a token the API server does not know is answered 401', async () => {
    const response = await review(readerChecks, 'unknown-token');
    assert.equal(response.statusCode, 401, response.body);
    assert.equal(response.json().statusCode, 401);
  });

  test('in a cluster a request without a token is answered 401', async () => {
    const clusterApp = Fastify(bffValidationOptions);
    actAsBearerOrAdministrator(clusterApp);
    try {
      await clusterApp.register(accessReviewRoutes, {
        connection: { ...api.connection, mode: 'cluster' },
      });
      const response = await clusterApp.inject({
        method: 'POST',
        url: '/api/v1/access-reviews',
        payload: { checks: readerChecks },
      });
      assert.equal(response.statusCode, 401, response.body);
      assert.match(response.json().message, /bearer token is required/);
    } finally {
      await clusterApp.close();
    }
  });

  test('bad checks are refused with 400 naming the field', async () => {
    const valid = { verb: 'get', ...providers, namespace: 'mtv', name: 'vcenter' };
    const cases: [unknown, RegExp][] = [
      [[], /^body\/checks must NOT have fewer than 1 items$/],
      [
        Array.from({ length: MAX_CHECKS + 1 }, () => valid),
        /^body\/checks must NOT have more than 20 items$/,
      ],
      [[valid, { ...valid, verb: 'escalate' }], /^body\/checks\/1\/verb must be equal to one of/],
      [[{ ...valid, group: 'Forklift.Konveyor.io' }], /^body\/checks\/0\/group must match pattern/],
      [[{ ...valid, resource: 'Providers' }], /^body\/checks\/0\/resource must match pattern/],
      [[{ ...valid, resource: '*' }], /^body\/checks\/0\/resource must match pattern/],
      [[{ ...valid, namespace: 'a.b' }], /^body\/checks\/0\/namespace must match pattern/],
      [[{ ...valid, name: 'My_Provider' }], /^body\/checks\/0\/name must match pattern/],
      [[{ verb: 'get', group: '' }], /^body\/checks\/0 must have required property 'resource'$/],
      [
        [{ ...valid, subresource: 'status' }],
        /^body\/checks\/0 has an unknown property "subresource"$/,
      ],
    ];
    for (const [checks, message] of cases) {
      const response = await review(checks, 'reader-token');
      assert.equal(response.statusCode, 400, `${JSON.stringify(checks)}: ${response.body}`);
      assert.match(response.json().message, message);
    }
  });
});
