import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubeConfigForRequest, UnauthenticatedError } from './requester.ts';
import { kubeConfigForEmbeddedServer } from './kube-config.ts';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n';
const clusterConfig = kubeConfigForEmbeddedServer({
  url: 'https://api.example.test:6443',
  caCertificate: CA,
  adminCredential: { certificate: 'admin certificate', key: 'admin key' },
});

test('standalone requests without a token use the administrator credential', () => {
  const config = kubeConfigForRequest({ mode: 'embedded', kubeConfig: clusterConfig }, undefined);
  assert.equal(config, clusterConfig);
});

test("in a cluster a request acts with the user's own bearer token", () => {
  const config = kubeConfigForRequest(
    { mode: 'cluster', kubeConfig: clusterConfig },
    'Bearer user-token-123',
  );
  assert.equal(config.getCurrentUser()?.token, 'user-token-123');
  assert.equal(config.getCurrentUser()?.certData, undefined, 'not the administrator');
  assert.equal(config.getCurrentCluster()?.server, 'https://api.example.test:6443');
  assert.equal(
    Buffer.from(config.getCurrentCluster()?.caData ?? '', 'base64').toString(),
    CA,
    'the server is verified with the same CA',
  );
  assert.ok(!config.getCurrentCluster()?.skipTLSVerify);
});

test('in a cluster a request without a token is refused, not run as the service account', () => {
  assert.throws(
    () => kubeConfigForRequest({ mode: 'cluster', kubeConfig: clusterConfig }, undefined),
    UnauthenticatedError,
  );
  assert.throws(
    () => kubeConfigForRequest({ mode: 'cluster', kubeConfig: clusterConfig }, 'Basic abc'),
    UnauthenticatedError,
  );
});
