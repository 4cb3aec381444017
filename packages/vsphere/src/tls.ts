// Trusting a vCenter or ESXi server by its certificate's SHA-1 thumbprint, as VDDK and Forklift
// do: the certificate the server presents must be that one, whoever signed it and whatever names
// it carries. It replaces CA and host name verification, so a mismatch always refuses.
import { X509Certificate } from 'node:crypto';
import { connect, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';

/** `aa:bb…`, `AABB…` or `AA BB…` all mean the same thumbprint; compare in one spelling. */
export const normalizeThumbprint = (thumbprint: string) =>
  thumbprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase();

/** VMware's spelling: uppercase hex pairs joined by colons. */
export const formatThumbprint = (thumbprint: string) =>
  normalizeThumbprint(thumbprint).replace(/(..)(?!$)/g, '$1:');

export class ThumbprintMismatchError extends Error {
  readonly presented: string;

  constructor(host: string, expected: string, presented: string) {
    super(
      `${host} presents a certificate with SHA-1 thumbprint ${formatThumbprint(presented)}, ` +
        `not the expected ${formatThumbprint(expected)}`,
    );
    this.presented = presented;
  }
}

const presentedThumbprint = (socket: TLSSocket) =>
  normalizeThumbprint(socket.getPeerCertificate().fingerprint ?? '');

/**
 * An undici connector that accepts a TLS connection only when the server's certificate has this
 * thumbprint. Session resumption is off so that every connection shows its certificate.
 */
export const pinnedConnector = (thumbprint: string): buildConnector.connector => {
  const expected = normalizeThumbprint(thumbprint);
  const connectTls = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
  return (options, callback) =>
    connectTls(options, (error, socket) => {
      if (error) return callback(error, null);
      const presented = presentedThumbprint(socket as TLSSocket);
      if (presented === expected) return callback(null, socket);
      socket!.destroy();
      callback(new ThumbprintMismatchError(options.hostname, expected, presented), null);
    });
};

export type PresentedCertificate = { pem: string; thumbprint: string };

/** The certificate a TLS server presents, read without judging it (that is the caller's part). */
export const presentedCertificate = (host: string, port: number): Promise<PresentedCertificate> =>
  new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      // SNI takes names only; an address there is refused by some servers.
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    socket.setTimeout(15_000, () => socket.destroy(new Error(`${host}:${port}: TLS timed out`)));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const { raw } = socket.getPeerCertificate();
      socket.end();
      if (!raw) return reject(new Error(`${host}:${port} presented no certificate`));
      const certificate = new X509Certificate(raw);
      resolve({
        pem: certificate.toString(),
        thumbprint: normalizeThumbprint(certificate.fingerprint),
      });
    });
  });
