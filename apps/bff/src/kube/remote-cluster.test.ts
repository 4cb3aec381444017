import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubeConfigForRemoteCluster, remoteClusterKey, remoteClusterOf } from './remote-cluster.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

test('a Secret becomes a remote cluster: token, CA, and insecureSkipVerify read as Go does', () => {
  assert.deepEqual(remoteClusterOf('https://api.example.com:6443', { token: 't', cacert: PEM }), {
    url: 'https://api.example.com:6443',
    token: 't',
    cacert: PEM,
  });
  assert.equal(
    remoteClusterOf('https://x', { token: 't', insecureSkipVerify: 'True' }).insecureSkipVerify,
    true,
  );
  assert.equal(
    'insecureSkipVerify' in
      remoteClusterOf('https://x', { token: 't', insecureSkipVerify: 'false' }),
    false,
  );
});

test('the KubeConfig trusts the CA given, or skips verification only when told to', () => {
  const trusted = kubeConfigForRemoteCluster({
    url: 'https://api.example.com:6443/',
    token: 't',
    cacert: PEM,
  });
  const cluster = trusted.getCurrentCluster()!;
  assert.equal(cluster.server, 'https://api.example.com:6443');
  assert.equal(Buffer.from(cluster.caData!, 'base64').toString(), PEM);
  assert.equal(cluster.skipTLSVerify, false);
  assert.equal(trusted.getCurrentUser()?.token, 't');

  const insecure = kubeConfigForRemoteCluster({
    url: 'https://x',
    token: 't',
    cacert: PEM,
    insecureSkipVerify: true,
  }).getCurrentCluster()!;
  assert.equal(insecure.skipTLSVerify, true);
  assert.equal(insecure.caData, undefined);
});

test('the key changes with URL, token or trust, and does not hold the token', () => {
  const base = { url: 'https://x', token: 'secret-token' };
  const key = remoteClusterKey(base);
  assert.equal(key.includes('secret-token'), false);
  assert.equal(remoteClusterKey({ ...base }), key);
  assert.notEqual(remoteClusterKey({ ...base, token: 'other' }), key);
  assert.notEqual(remoteClusterKey({ ...base, url: 'https://y' }), key);
  assert.notEqual(remoteClusterKey({ ...base, insecureSkipVerify: true }), key);
});
