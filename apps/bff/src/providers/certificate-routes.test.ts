// Reading an endpoint's certificate against vcsim serving https, and the ways it can fail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { once } from 'node:events';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { startVcsim, type Vcsim } from '../../../../scripts/vcsim.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import { bffValidationOptions } from '../http/validation.ts';
import { createLogger } from '../logging.ts';
import type { TlsCertificate } from '@forklift-console/api';
import { certificateRoutes, httpsEndpointOf, readCertificateChain } from './certificate-routes.ts';
import { actAsBearerOrAdministrator } from '../test-support/caller.ts';

/** A port nothing listens on: bound once, then released. */
const closedPort = async (): Promise<number> => {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};

/** A plain TCP server on a free port, handling each connection with `onConnection`. */
const tcpServer = async (onConnection: (socket: net.Socket) => void) => {
  const server = net.createServer(onConnection).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as net.AddressInfo).port };
};

/** A root CA and a `localhost` certificate it signed, made with the openssl CLI. */
const issueCertificates = async (dir: string) => {
  const openssl = (...args: string[]) => promisify(execFile)('openssl', args, { cwd: dir });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Test Root CA',
  );
  await openssl('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost');
  await writeFile(path.join(dir, 'leaf.ext'), 'subjectAltName=DNS:localhost\n');
  await openssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-extfile',
    'leaf.ext',
    '-out',
    'leaf.pem',
    '-days',
    '1',
  );
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  return { ca: await read('ca.pem'), leaf: await read('leaf.pem'), key: await read('leaf.key') };
};

describe('GET /api/v1/tls-certificate', { timeout: 180_000 }, () => {
  let vcsim: Vcsim;
  let app: FastifyInstance;
  let api: TestApi;
  let logged = '';
  const HANDSHAKE_TIMEOUT_MS = 2_000;

  before(async () => {
    vcsim = await startVcsim({}, undefined, { tls: true });
    // A user of the embedded API with no rights at all.
    api = await startTestApi('bff-certificate-', {
      tokens: [{ token: 'nobody-token', user: 'nobody' }],
    });
    const logger = createLogger(
      'warn',
      new Writable({
        write(chunk, _encoding, done) {
          logged += String(chunk);
          done();
        },
      }),
    );
    app = Fastify({ ...bffValidationOptions, loggerInstance: logger as FastifyBaseLogger });
    actAsBearerOrAdministrator(app);
    await app.register(certificateRoutes, {
      connection: api.connection,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
    });
  });

  after(async () => {
    await app?.close();
    await api?.close();
    await vcsim?.stop();
  });

  const fetchCertificates = (url: string, headers: Record<string, string> = {}) =>
    app.inject({
      url: `/api/v1/tls-certificate?url=${encodeURIComponent(url)}&namespace=demo`,
      headers,
    });

  test('only a user who may create providers in the project gets a certificate read', async () => {
    const refused = await fetchCertificates(vcsim.sdkUrl, {
      authorization: 'Bearer nobody-token',
    });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json<{ message: string }>().message, /project demo/);
    const unknown = await fetchCertificates(vcsim.sdkUrl, { authorization: 'Bearer made-up' });
    assert.equal(unknown.statusCode, 401);
  });

  test('answers the certificate vcsim serves, and it is the one that makes verification pass', async () => {
    const response = await fetchCertificates(vcsim.sdkUrl);
    assert.equal(response.statusCode, 200);
    const { certificates } = response.json<{ certificates: TlsCertificate[] }>();
    assert.equal(certificates.length, 1);
    const [leaf] = certificates as [TlsCertificate];
    const parsed = new X509Certificate(leaf.pem);
    assert.equal(leaf.sha256Fingerprint, parsed.fingerprint256);
    assert.equal(leaf.sha1Fingerprint, parsed.fingerprint);
    assert.match(leaf.sha256Fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // Self-signed: its own issuer, which is why the leaf is what a user trusts here.
    assert.equal(leaf.issuer, leaf.subject);
    assert.ok(parsed.checkIssued(parsed));
    assert.ok(Date.parse(leaf.validFrom) <= Date.now());
    assert.ok(Date.parse(leaf.validTo) > Date.now());

    // Trusting exactly this PEM is enough for a verifying client to reach vcsim.
    const { port } = new URL(vcsim.sdkUrl);
    const socket = tls.connect({ host: '127.0.0.1', port: Number(port), ca: leaf.pem });
    await once(socket, 'secureConnect');
    assert.equal(socket.authorized, true);
    socket.end();
  });

  test('a chain comes leaf first, up to the root the server presents', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tls-chain-'));
    try {
      const { ca, leaf, key } = await issueCertificates(dir);
      const server = tls.createServer({ key, cert: `${leaf}${ca}` }, (socket) => socket.end());
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as net.AddressInfo;
      try {
        const response = await fetchCertificates(`https://localhost:${port}/`);
        assert.equal(response.statusCode, 200);
        const { certificates } = response.json<{ certificates: TlsCertificate[] }>();
        assert.deepEqual(
          certificates.map(({ pem }) => new X509Certificate(pem).fingerprint256),
          [new X509Certificate(leaf).fingerprint256, new X509Certificate(ca).fingerprint256],
        );
        assert.equal(certificates[0]?.subject, 'CN=localhost');
        assert.equal(certificates[0]?.issuer, certificates[1]?.subject);
      } finally {
        server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a URL that is not https answers 400 naming url', async () => {
    for (const url of ['http://127.0.0.1/sdk', 'not a url', 'nfs://host/path']) {
      const response = await fetchCertificates(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.json().message, /querystring\/url/, url);
    }
    const missing = await app.inject({ url: '/api/v1/tls-certificate' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().message, /url/);
  });

  test('every failure answers alike, so the route cannot tell what listens on a port', async () => {
    const plainText = await tcpServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const silent = await tcpServer(() => {});
    const reset = await tcpServer((socket) => socket.resetAndDestroy());
    const endpoints: [string, number][] = [
      ['closed port', await closedPort()],
      ['plain TCP', plainText.port],
      ['no handshake (timeout)', silent.port],
      ['reset', reset.port],
    ];
    try {
      logged = '';
      for (const [what, port] of endpoints) {
        const response = await fetchCertificates(`https://user:pa55word@127.0.0.1:${port}/sdk`);
        assert.deepEqual(
          { statusCode: response.statusCode, body: response.json() },
          {
            statusCode: 502,
            body: {
              statusCode: 502,
              error: 'Bad Gateway',
              message: `Could not read a TLS certificate from 127.0.0.1:${port}`,
            },
          },
          what,
        );
      }
      // The reason stays in the server's log, for whoever runs the BFF, without the URL.
      assert.match(logged, /ECONNREFUSED/);
      assert.match(logged, /no TLS handshake within 2 s/);
      assert.doesNotMatch(logged, /pa55word/);
    } finally {
      for (const { server } of [plainText, silent, reset]) server.close();
    }
  });

  test('an endpoint that never completes a handshake times out', async () => {
    const silent = net.createServer(() => {}).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as net.AddressInfo;
    try {
      await assert.rejects(readCertificateChain('127.0.0.1', port, 200), /no TLS handshake/);
    } finally {
      silent.close();
    }
  });
});

test('the endpoint is the URL’s host and port, 443 by default, IPv6 without brackets', () => {
  assert.deepEqual(httpsEndpointOf('https://vcenter.example.com/sdk'), {
    host: 'vcenter.example.com',
    port: 443,
  });
  assert.deepEqual(httpsEndpointOf('https://[::1]:8443/'), { host: '::1', port: 8443 });
  assert.deepEqual(httpsEndpointOf('ftp://host'), {
    problem: 'querystring/url must be an https URL',
  });
});
