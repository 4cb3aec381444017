// Who may reach the embedded API server and how: HTTPS verified with the CA of DATA_DIR/pki, the
// administrator's DATA_DIR/kubeconfig, anonymous requests under RBAC, tokens, and the files that
// hold the keys readable by their owner only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { httpsRequest } from '../test-support/https-request.ts';
import { bearer, writeTokens } from '../test-support/rbac.ts';
import { startTestServer, type TestServer } from './test-server.ts';

type Status = { kind: string; code: number; reason: string; message: string };

type Kubeconfig = {
  clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { user: Record<string, string> }[];
};

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('embedded API server security', () => {
  let api: TestServer;

  before(async () => {
    api = await startTestServer('kube-api-security-');
    await writeTokens(api.dataDir, [
      { token: 'viewer-token', user: 'viewer', groups: ['migration-viewers'] },
    ]);
  });

  after(async () => {
    await api?.close();
  });

  const get = (url: string, token?: string) =>
    httpsRequest(`${api.server.url}${url}`, api.withoutCertificate, { headers: bearer(token) });

  test('the server speaks HTTPS with a certificate for the loopback names, signed by its CA', () => {
    assert.match(api.server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const pki = path.join(api.dataDir, 'pki');
    const serving = new X509Certificate(readFileSync(path.join(pki, 'apiserver.crt')));
    const ca = new X509Certificate(api.server.caCertificate);
    assert.ok(serving.verify(ca.publicKey), 'signed by the CA');
    assert.ok(serving.checkIP('127.0.0.1'));
    assert.ok(serving.checkIP('::1'));
    assert.ok(serving.checkHost('localhost'));
  });

  test('DATA_DIR/kubeconfig holds the URL, the CA and an administrator certificate, 0600', () => {
    assert.equal(api.server.kubeconfigPath, path.join(api.dataDir, 'kubeconfig'));
    assert.equal(modeOf(api.server.kubeconfigPath), 0o600);
    const kubeconfig = yaml.load(readFileSync(api.server.kubeconfigPath, 'utf8')) as Kubeconfig;
    const { cluster } = kubeconfig.clusters[0]!;
    assert.equal(cluster.server, api.server.url);
    assert.equal(
      Buffer.from(cluster['certificate-authority-data'], 'base64').toString(),
      api.server.caCertificate,
    );
    const certificate = new X509Certificate(
      Buffer.from(kubeconfig.users[0]!.user['client-certificate-data']!, 'base64'),
    );
    assert.match(certificate.subject, /O=system:masters/);
  });

  test('a request without credentials is system:anonymous and RBAC refuses it', async () => {
    const listed = await get('/api/v1/namespaces');
    assert.equal(listed.status, 403);
    const status = listed.json<Status>();
    assert.equal(status.kind, 'Status');
    assert.equal(status.reason, 'Forbidden');
    assert.equal(
      status.message,
      'namespaces is forbidden: User "system:anonymous" cannot list resource "namespaces" in API group "" at the cluster scope',
    );
    const discovery = await get('/apis');
    assert.equal(discovery.status, 403);
    assert.equal(
      discovery.json<Status>().message,
      'forbidden: User "system:anonymous" cannot get path "/apis"',
    );
    // What every cluster shows to anyone (system:public-info-viewer).
    assert.equal((await get('/version')).status, 200);
    assert.equal((await get('/healthz')).status, 200);
  });

  test('an unknown token and a certificate from another CA are 401', async () => {
    const forged = await get('/api/v1/namespaces', 'forged');
    assert.equal(forged.status, 401);
    assert.deepEqual(
      { kind: forged.json<Status>().kind, reason: forged.json<Status>().reason },
      { kind: 'Status', reason: 'Unauthorized' },
    );
    const other = await startTestServer('kube-api-other-ca-');
    try {
      const response = await httpsRequest(`${api.server.url}/api/v1/namespaces`, {
        ...other.asAdmin,
        ca: api.server.caCertificate,
      });
      assert.equal(response.status, 401);
    } finally {
      await other.close();
    }
  });

  test('a token user reads discovery and learns who it is from a SelfSubjectReview', async () => {
    assert.equal((await get('/apis', 'viewer-token')).status, 200);
    const review = (token?: string) =>
      httpsRequest(
        `${api.server.url}/apis/authentication.k8s.io/v1/selfsubjectreviews`,
        api.withoutCertificate,
        {
          method: 'POST',
          headers: bearer(token),
          body: JSON.stringify({
            apiVersion: 'authentication.k8s.io/v1',
            kind: 'SelfSubjectReview',
          }),
        },
      );
    const viewer = await review('viewer-token');
    assert.equal(viewer.status, 201);
    assert.deepEqual(viewer.json<{ status: { userInfo: unknown } }>().status.userInfo, {
      username: 'viewer',
      uid: 'viewer',
      groups: ['migration-viewers', 'system:authenticated'],
    });
    assert.equal((await review()).status, 403, 'anonymous may not ask');
  });

  test('a restart keeps the CA, points the kubeconfig at the new port and narrows file modes', async () => {
    const before = api.server;
    chmodSync(api.dataDir, 0o755);
    chmodSync(path.join(api.dataDir, 'kube-api.sqlite'), 0o644);
    chmodSync(path.join(api.dataDir, 'pki', 'ca.key'), 0o644);
    api = await api.restart();
    assert.equal(api.server.caCertificate, before.caCertificate, 'the CA is reused');
    const kubeconfig = yaml.load(readFileSync(api.server.kubeconfigPath, 'utf8')) as Kubeconfig;
    assert.equal(kubeconfig.clusters[0]!.cluster.server, api.server.url);
    assert.equal(modeOf(api.dataDir), 0o700);
    for (const file of ['kube-api.sqlite', 'kube-api.sqlite-wal', 'kube-api.sqlite-shm']) {
      const full = path.join(api.dataDir, file);
      if (existsSync(full)) assert.equal(modeOf(full), 0o600, file);
    }
    for (const name of ['ca', 'apiserver', 'admin']) {
      assert.equal(modeOf(path.join(api.dataDir, 'pki', `${name}.key`)), 0o600, name);
    }
    assert.equal(
      (await httpsRequest(`${api.server.url}/api/v1/namespaces`, api.asAdmin)).status,
      200,
    );
  });
});
