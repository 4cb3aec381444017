// The connection test against vcsim, over plain http and over https with a self-signed certificate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { testVsphereConnection } from './connection-test.ts';
import { fetchCertificatePem } from './test-certificate.ts';

/** A port nothing listens on. */
const closedPort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
};

describe('vSphere connection test against vcsim', { timeout: 180_000 }, () => {
  let plain: Vcsim;
  let secure: Vcsim;

  before(async () => {
    [plain, secure] = await Promise.all([
      startVcsim({ vms: 1 }),
      startVcsim({ vms: 1 }, undefined, { tls: true }),
    ]);
  });

  after(async () => {
    await plain?.stop();
    await secure?.stop();
  });

  test('the right credentials pass; plain http has no fingerprint', async () => {
    const result = await testVsphereConnection({ ...plain, tls: {} });
    assert.deepEqual(result, { ok: true });
  });

  test('a wrong password is an auth failure that does not repeat the password', async () => {
    const result = await testVsphereConnection({ ...plain, password: 'not-it', tls: {} });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.condition.type, 'ConnectionAuthFailed');
    assert.equal(result.condition.category, 'Critical');
    assert.equal(result.condition.message, 'Login failed: incorrect user name or password.');
  });

  test('sdkEndpoint esxi against a vCenter fails and says what the endpoint is', async () => {
    const result = await testVsphereConnection({ ...plain, tls: {}, sdkEndpoint: 'esxi' });
    assert.ok(!result.ok);
    assert.equal(result.condition.type, 'ConnectionTestFailed');
    assert.match(result.condition.message!, /set to esxi, but .* is a vCenter/);
    assert.deepEqual(await testVsphereConnection({ ...plain, tls: {}, sdkEndpoint: 'vcenter' }), {
      ok: true,
    });
  });

  test('nothing listening: connection refused', async () => {
    const port = await closedPort();
    const result = await testVsphereConnection({
      ...plain,
      sdkUrl: `http://127.0.0.1:${port}/sdk`,
      tls: {},
    });
    assert.ok(!result.ok);
    assert.equal(result.condition.type, 'ConnectionTestFailed');
    assert.equal(
      result.condition.message,
      `Could not connect to 127.0.0.1:${port}: connection refused.`,
    );
  });

  test('a server that never answers times out', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    try {
      const result = await testVsphereConnection(
        { ...plain, sdkUrl: `http://127.0.0.1:${port}/sdk`, tls: {} },
        300,
      );
      assert.ok(!result.ok);
      assert.match(result.condition.message!, /no answer within 0.3 s/);
    } finally {
      server.close();
      for (const socket of sockets) socket.destroy();
    }
  });

  test('a self-signed certificate is not trusted without cacert', async () => {
    const result = await testVsphereConnection({ ...secure, tls: {} });
    assert.ok(!result.ok);
    assert.equal(result.condition.type, 'ConnectionTestFailed');
    assert.match(
      result.condition.message!,
      /^The TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(self-signed certificate\)\. /,
    );
    assert.match(result.condition.message!, /cacert/);
  });

  test('with its certificate as cacert it passes and records the SHA-1 fingerprint', async () => {
    const pem = await fetchCertificatePem(secure.sdkUrl);
    const result = await testVsphereConnection({ ...secure, tls: { ca: pem } });
    assert.ok(result.ok);
    assert.match(result.fingerprint!, /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
  });

  test('skipping verification passes too', async () => {
    const result = await testVsphereConnection({ ...secure, tls: { insecureSkipVerify: true } });
    assert.ok(result.ok);
    assert.ok(result.fingerprint);
  });
});
