// CA certificates as the form handles them: PEM text pasted, dropped or fetched from the endpoint.
import type { TlsCertificate } from '@forklift-console/api';

/** A PEM certificate block; base64 has no '-', which keeps the match linear. */
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Every X.509 certificate is a DER SEQUENCE, whose first byte is this tag. */
const DER_SEQUENCE_TAG = 0x30;

export type PemProblem = 'missing' | 'not-pem' | 'not-certificate';

const isDerCertificate = (body: string): boolean => {
  const base64 = body.replace(/\s+/g, '');
  if (!BASE64.test(base64) || base64.length % 4 !== 0) return false;
  try {
    return atob(base64).charCodeAt(0) === DER_SEQUENCE_TAG;
  } catch {
    return false;
  }
};

/**
 * What is wrong with a CA bundle, if anything. Text around the blocks (openssl's "subject=" lines)
 * is allowed, as Forklift's PEM reader skips it.
 */
export const pemProblem = (text: string): PemProblem | undefined => {
  if (text.trim() === '') return 'missing';
  const bodies = [...text.matchAll(PEM_BLOCK)].map((match) => match[1] ?? '');
  if (bodies.length === 0) return 'not-pem';
  return bodies.every(isDerCertificate) ? undefined : 'not-certificate';
};

/** The base64 of each certificate, so that line wrapping and headers do not make them differ. */
const certificateBodies = (text: string): string[] =>
  [...text.matchAll(PEM_BLOCK)].map((match) => (match[1] ?? '').replace(/\s+/g, ''));

export const sameCertificates = (a: string, b: string): boolean =>
  certificateBodies(a).join('\n') === certificateBodies(b).join('\n');

/**
 * The certificate to trust from a chain the endpoint presented (leaf first): the top of it. That
 * is the root (or the leaf itself when self-signed), so the trust survives the server certificate
 * being renewed by the same authority, and covers nothing the endpoint did not show.
 */
export const certificateToTrust = (chain: readonly TlsCertificate[]): TlsCertificate | undefined =>
  chain.at(-1);
