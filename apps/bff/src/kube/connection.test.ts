// Cluster mode: with a kubeconfig the BFF does not start its own API server and acts, per request,
// with the user's bearer token. The embedded API server stands in for the cluster here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedApiServer, type EmbeddedApiServer } from '@forklift-console/embedded-cluster';
import { AuthenticationV1Api } from '@kubernetes/client-node';
import { connectToKubernetes } from './connection.ts';
import { readConfig } from '../config.ts';
import { createLogger } from '../logging.ts';

let dir: string;
let cluster: EmbeddedApiServer;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bff-cluster-'));
  cluster = await startEmbeddedApiServer({ dataDir: path.join(dir, 'cluster') });
});

after(async () => {
  await cluster.close();
  await rm(dir, { recursive: true, force: true });
});

test('a kubeconfig points the BFF at that cluster and no embedded server is started', async () => {
  const kubeconfig = path.join(dir, 'kubeconfig.yaml');
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "' +
        cluster.url +
        '", certificate-authority-data: ' +
        Buffer.from(cluster.caCertificate).toString('base64') +
        '}}]',
      'users: [{name: u, user: {token: service-account-token}}]',
      'contexts: [{name: c, context: {cluster: c, user: u}}]',
      'current-context: c',
      '',
    ].join('\n'),
  );
  const dataDir = path.join(dir, 'bff');
  const connection = await connectToKubernetes(
    readConfig(['--kubeconfig', kubeconfig, '--data-dir', dataDir], {}, '/'),
    createLogger('silent'),
  );
  assert.equal(connection.mode, 'cluster');
  assert.equal(connection.serverUrl, cluster.url);
  await connection.close();
});

test('standalone, the BFF verifies the embedded server with its CA and acts as its administrator', async () => {
  const dataDir = path.join(dir, 'standalone');
  const connection = await connectToKubernetes(
    readConfig(['--data-dir', dataDir], {}, '/'),
    createLogger('silent'),
  );
  try {
    assert.equal(connection.mode, 'embedded');
    assert.equal(connection.kubeconfigPath, path.join(dataDir, 'kubeconfig'));
    assert.match(connection.serverUrl, /^https:\/\//);
    const cluster = connection.kubeConfig.getCurrentCluster();
    assert.ok(cluster?.caData, 'the CA is verified');
    assert.ok(!cluster?.skipTLSVerify);
    const review = await connection.kubeConfig
      .makeApiClient(AuthenticationV1Api)
      .createSelfSubjectReview({ body: {} });
    assert.ok(review.status?.userInfo?.groups?.includes('system:masters'));
  } finally {
    await connection.close();
  }
});
