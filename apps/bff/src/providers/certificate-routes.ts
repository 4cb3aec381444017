// "Fetch certificate from URL": the TLS chain an endpoint presents, for the user to inspect and
// decide to trust before a provider is created with it. Nothing is verified here on purpose: the
// point is to show a certificate that is not (yet) trusted.
//
// Which certificate to trust is the UI's choice; it takes the top of the chain (the root, or the
// leaf when the server's certificate is self-signed). Forklift verifies with the given CA as root
// of trust, and anchoring at the top keeps working when the server's own certificate is renewed
// by the same authority (vCenter's VMCA), while trusting nothing beyond what this endpoint showed.
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls, { type DetailedPeerCertificate } from 'node:tls';
import type { FastifyPluginAsync } from 'fastify';
import { ProviderModel } from '@forklift-console/api';
import { sendError, sendKubeError } from '../http/errors.ts';
import { dns1123Schema, errorSchema } from '../http/schemas.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { kubeConfigForRequest } from '../kube/requester.ts';
import { mayDo } from '../kube/access-review.ts';
import type { TlsCertificate } from '@forklift-console/api';

const HANDSHAKE_TIMEOUT_MS = 10_000;
const HTTPS_DEFAULT_PORT = 443;

// Node prints a distinguished name one attribute per line.
const distinguishedName = (name: string): string => name.split('\n').filter(Boolean).join(', ');

const describeCertificate = (certificate: X509Certificate): TlsCertificate => ({
  subject: distinguishedName(certificate.subject),
  issuer: distinguishedName(certificate.issuer),
  sha256Fingerprint: certificate.fingerprint256,
  sha1Fingerprint: certificate.fingerprint,
  validFrom: new Date(certificate.validFrom).toISOString(),
  validTo: new Date(certificate.validTo).toISOString(),
  pem: certificate.toString(),
});

/** Leaf first, then each issuer in turn; a self-signed certificate is its own issuer. */
const chainOf = (peer: DetailedPeerCertificate): TlsCertificate[] => {
  const chain: TlsCertificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = peer;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(describeCertificate(new X509Certificate(current.raw)));
    current = current.issuerCertificate;
  }
  return chain;
};

/** The certificates `host:port` presents in its TLS handshake, leaf first. */
export const readCertificateChain = (
  host: string,
  port: number,
  timeoutMs = HANDSHAKE_TIMEOUT_MS,
): Promise<TlsCertificate[]> =>
  new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI takes host names only; a server with several certificates picks by it.
      ...(net.isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(
      () => socket.destroy(new Error(`no TLS handshake within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const chain = chainOf(socket.getPeerCertificate(true));
      socket.end();
      if (chain.length === 0) reject(new Error('the server presented no certificate'));
      else resolve(chain);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

/** Host and port of an https URL, or why it is not one. */
export const httpsEndpointOf = (
  text: string,
): { host: string; port: number } | { problem: string } => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'querystring/url must be a URL' };
  }
  if (url.protocol !== 'https:') return { problem: 'querystring/url must be an https URL' };
  // URL keeps IPv6 literals in brackets; sockets want them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: url.port ? Number(url.port) : HTTPS_DEFAULT_PORT };
};

const certificateSchema = {
  type: 'object',
  properties: {
    subject: { type: 'string' },
    issuer: { type: 'string' },
    sha256Fingerprint: { type: 'string' },
    sha1Fingerprint: { type: 'string' },
    validFrom: { type: 'string' },
    validTo: { type: 'string' },
    pem: { type: 'string' },
  },
  required: [
    'subject',
    'issuer',
    'sha256Fingerprint',
    'sha1Fingerprint',
    'validFrom',
    'validTo',
    'pem',
  ],
} as const;

type Options = {
  connection: KubeConnection;
  /** How long an endpoint gets to complete its handshake; HANDSHAKE_TIMEOUT_MS when absent. */
  handshakeTimeoutMs?: number;
};

const endpointText = (host: string, port: number) =>
  `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;

/**
 * Reading a certificate opens a connection from the BFF to wherever the caller says, so only a
 * user who may create Providers in the project (the reason to fetch one) gets it done, and every
 * failure gets one answer: told a refused connection from a reset or a timeout, or a closed port
 * from an open one speaking something else, a caller could scan the BFF's network through it.
 */
export const certificateRoutes: FastifyPluginAsync<Options> = async (
  app,
  { connection, handshakeTimeoutMs = HANDSHAKE_TIMEOUT_MS },
) => {
  app.get<{ Querystring: { url: string; namespace: string } }>(
    '/api/v1/tls-certificate',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            url: { type: 'string', minLength: 1, maxLength: 2048 },
            namespace: dns1123Schema,
          },
          required: ['url', 'namespace'],
        },
        response: {
          200: {
            type: 'object',
            properties: { certificates: { type: 'array', items: certificateSchema } },
            required: ['certificates'],
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          502: errorSchema,
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const endpoint = httpsEndpointOf(request.query.url);
      if ('problem' in endpoint) return sendError(reply, 400, endpoint.problem);
      const { namespace } = request.query;
      try {
        const allowed = await mayDo(kubeConfigForRequest(connection, request.caller), {
          verb: 'create',
          group: ProviderModel.group,
          resource: ProviderModel.plural,
          namespace,
        });
        if (!allowed) {
          return sendError(
            reply,
            403,
            `Fetching a certificate is part of creating a provider, which you may not do in project ${namespace}`,
          );
        }
      } catch (error) {
        return sendKubeError(reply, error);
      }
      const { host, port } = endpoint;
      try {
        return { certificates: await readCertificateChain(host, port, handshakeTimeoutMs) };
      } catch (error) {
        // Only the endpoint and the socket's reason: the URL may carry credentials.
        request.log.warn(
          {
            endpoint: endpointText(host, port),
            code: (error as NodeJS.ErrnoException).code,
            reason: error instanceof Error ? error.message : String(error),
          },
          'Could not read a TLS certificate',
        );
        return sendError(
          reply,
          502,
          `Could not read a TLS certificate from ${endpointText(host, port)}`,
        );
      }
    },
  );
};
