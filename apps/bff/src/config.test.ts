import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig, ConfigError } from './config.ts';

test('a newcomer gets port 9000 and a .data directory by default', () => {
  const config = readConfig([], {}, '/home/me/app');
  assert.equal(config.port, 9000);
  assert.equal(config.dataDir, '/home/me/app/.data');
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.kubeconfig, undefined);
  assert.equal(config.inCluster, false);
  assert.equal(config.seed, true);
  assert.equal(config.vcsim, false);
  assert.equal(config.remoteCluster, false);
  assert.equal(config.ovaShareRoot, '/home/me/app/.data/ova-shares');
  assert.equal(config.ovaUploadMaxBytes, 64 * 1024 ** 3);
});

test('--remote-cluster or REMOTE_CLUSTER=true starts the second cluster', () => {
  assert.equal(readConfig(['--remote-cluster'], {}, '/x').remoteCluster, true);
  assert.equal(readConfig([], { REMOTE_CLUSTER: 'true' }, '/x').remoteCluster, true);
  assert.equal(readConfig([], { REMOTE_CLUSTER: 'false' }, '/x').remoteCluster, false);
});

test('the OVA upload cap reads like a Kubernetes quantity; a bad one is named', () => {
  assert.equal(
    readConfig(['--ova-upload-max-bytes', '16Mi'], {}, '/x').ovaUploadMaxBytes,
    16 * 1024 ** 2,
  );
  assert.equal(readConfig([], { OVA_UPLOAD_MAX_BYTES: '1000' }, '/x').ovaUploadMaxBytes, 1000);
  assert.throws(
    () => readConfig(['--ova-upload-max-bytes', '2GB'], {}, '/x'),
    /--ova-upload-max-bytes/,
  );
  assert.throws(() => readConfig([], { OVA_UPLOAD_MAX_BYTES: '0' }, '/x'), /OVA_UPLOAD_MAX_BYTES/);
});

test('PORT and DATA_DIR choose the port and the state directory; flags win', () => {
  const fromEnv = readConfig([], { PORT: '8123', DATA_DIR: '/var/state' }, '/x');
  assert.equal(fromEnv.port, 8123);
  assert.equal(fromEnv.dataDir, '/var/state');
  const fromFlags = readConfig(
    ['--port', '7000', '--data-dir', 'here'],
    { PORT: '8123', DATA_DIR: '/var/state' },
    '/x',
  );
  assert.equal(fromFlags.port, 7000);
  assert.equal(fromFlags.dataDir, '/x/here');
});

test('a bad port is refused with a message naming it', () => {
  assert.throws(
    () => readConfig(['--port', 'abc'], {}, '/x'),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /--port/);
      return true;
    },
  );
  assert.throws(() => readConfig([], { PORT: '70000' }, '/x'), /PORT/);
});

test('an unknown flag is refused', () => {
  assert.throws(() => readConfig(['--prot', '1'], {}, '/x'), /prot/);
});

test('a pod with a service account talks to its cluster unless a kubeconfig is given', () => {
  assert.equal(readConfig([], { KUBERNETES_SERVICE_HOST: '10.0.0.1' }, '/x').inCluster, true);
  const withKubeconfig = readConfig(
    ['--kubeconfig', '/k'],
    { KUBERNETES_SERVICE_HOST: '10.0.0.1' },
    '/x',
  );
  assert.equal(withKubeconfig.inCluster, false);
  assert.equal(withKubeconfig.kubeconfig, '/k');
});

test('--no-auth is refused unless the console listens on loopback only', () => {
  assert.equal(readConfig(['--no-auth'], {}, '/x').noAuth, true);
  assert.equal(readConfig(['--no-auth', '--host', '::1'], {}, '/x').noAuth, true);
  assert.equal(readConfig([], { NO_AUTH: 'true', HOST: 'localhost' }, '/x').noAuth, true);
  assert.throws(
    () => readConfig(['--no-auth', '--host', '0.0.0.0'], {}, '/x'),
    (error: Error) => error instanceof ConfigError && /loopback/.test(error.message),
  );
  assert.throws(() => readConfig([], { NO_AUTH: 'true', HOST: '192.168.1.5' }, '/x'), /loopback/);
  assert.throws(() => readConfig(['--no-auth', '--kubeconfig', '/k'], {}, '/x'), /standalone/);
  assert.equal(readConfig([], {}, '/x').noAuth, false);
});

test('--allowed-hosts takes a comma-separated list of host names; anything else is named', () => {
  assert.deepEqual(
    readConfig(['--allowed-hosts', 'console.lab, 10.0.0.7,[fd00::1]'], {}, '/x').allowedHosts,
    ['console.lab', '10.0.0.7', '[fd00::1]'],
  );
  assert.deepEqual(readConfig([], { ALLOWED_HOSTS: 'a.example' }, '/x').allowedHosts, [
    'a.example',
  ]);
  assert.throws(
    () => readConfig(['--allowed-hosts', 'http://evil.example/'], {}, '/x'),
    /--allowed-hosts.*"http:\/\/evil.example\/"/,
  );
});
