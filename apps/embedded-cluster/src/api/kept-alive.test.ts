// The app's Kubernetes clients keep their TLS connections to the API open between calls (one
// handshake, not one per call), and a caller with a bearer token never rides a connection that
// presented the administrator's client certificate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { ApiException, CoreV1Api } from '@kubernetes/client-node';
import { PooledKubeConfig } from '@forklift-console/controller-runtime';
import { writeTokens } from '../test-support/rbac.ts';
import { startTestServer, type TestServer } from './test-server.ts';

describe('Kubernetes clients on kept-alive connections', () => {
  let api: TestServer;
  let opened = 0;
  const createConnection = https.Agent.prototype.createConnection;

  before(async () => {
    api = await startTestServer('kube-api-kept-alive-');
    await writeTokens(api.dataDir, [{ token: 'nobody-token', user: 'nobody' }]);
    https.Agent.prototype.createConnection = function (this: https.Agent, ...args) {
      opened += 1;
      return createConnection.apply(this, args);
    } as typeof createConnection;
  });

  after(async () => {
    https.Agent.prototype.createConnection = createConnection;
    await api?.close();
  });

  const asToken = (token: string) => {
    const config = new PooledKubeConfig();
    const cluster = api.admin.getCurrentCluster()!;
    config.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'token-user', token }],
      contexts: [{ name: 'token-user', cluster: cluster.name, user: 'token-user' }],
      currentContext: 'token-user',
    });
    return config.makeApiClient(CoreV1Api);
  };

  test('twenty calls in a row open one connection', async () => {
    await api.core.listNamespace();
    const before = opened;
    for (let call = 0; call < 20; call += 1) await api.core.listNamespace();
    assert.ok(opened - before <= 1, `${opened - before} connections opened for 20 calls`);
  });

  test('a token without rights is refused even right after the administrator’s calls', async () => {
    await api.core.listNamespace();
    const refused = await asToken('nobody-token')
      .listNamespace()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(
      refused instanceof ApiException,
      'the token’s call was answered as the administrator',
    );
    assert.equal(refused.code, 403);
    // And the administrator is still the administrator on its own connection.
    await assert.doesNotReject(api.core.listNamespace());
  });
});
