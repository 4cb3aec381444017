import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubeConfigForRequest, UnauthenticatedError } from './requester.ts';
import { kubeConfigForEmbeddedServer } from '@forklift-console/embedded-cluster';
import { ADMINISTRATOR } from '../access/caller.ts';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n';
const clusterConfig = kubeConfigForEmbeddedServer({
  url: 'https://api.example.test:6443',
  caCertificate: CA,
  adminCredential: { certificate: 'admin certificate', key: 'admin key' },
});

test("the standalone administrator acts with the BFF's own credentials", () => {
  const config = kubeConfigForRequest(
    { mode: 'embedded', kubeConfig: clusterConfig },
    ADMINISTRATOR,
  );
  assert.equal(config, clusterConfig);
});

test('a user acts with its own bearer token, standalone and in a cluster', () => {
  for (const mode of ['embedded', 'cluster'] as const) {
    const config = kubeConfigForRequest(
      { mode, kubeConfig: clusterConfig },
      { kind: 'user', token: 'user-token-123' },
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
  }
});

test('a request nobody vouched for is refused, never run as the BFF', () => {
  assert.throws(
    () => kubeConfigForRequest({ mode: 'embedded', kubeConfig: clusterConfig }, undefined),
    UnauthenticatedError,
  );
  assert.throws(
    () => kubeConfigForRequest({ mode: 'cluster', kubeConfig: clusterConfig }, undefined),
    UnauthenticatedError,
  );
  // There is no administrator in a cluster: only users with their own tokens.
  assert.throws(
    () => kubeConfigForRequest({ mode: 'cluster', kubeConfig: clusterConfig }, ADMINISTRATOR),
    UnauthenticatedError,
  );
});
