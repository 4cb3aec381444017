import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubeConfigForRequest, UnauthenticatedError } from './requester.ts';
import { kubeConfigForServer } from './kube-config.ts';

const clusterConfig = kubeConfigForServer('https://api.example.test:6443');

test('standalone requests use the local administrator whatever they send', () => {
  const config = kubeConfigForRequest({ mode: 'embedded', kubeConfig: clusterConfig }, undefined);
  assert.equal(config, clusterConfig);
});

test("in a cluster a request acts with the user's own bearer token", () => {
  const config = kubeConfigForRequest(
    { mode: 'cluster', kubeConfig: clusterConfig },
    'Bearer user-token-123',
  );
  assert.equal(config.getCurrentUser()?.token, 'user-token-123');
  assert.equal(config.getCurrentCluster()?.server, 'https://api.example.test:6443');
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
