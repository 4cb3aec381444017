// The CA certificate rule of a provider's Secret (`cacert`): one or more PEM certificates. The
// create form, the Edit credentials form, the BFF's routes and the provider controller all apply
// this one rule, and say what is wrong in the same words. It reads the DER structure itself rather
// than asking a crypto library, so that the browser and Node.js run the same code.

/** A PEM certificate block; base64 has no '-', which keeps the match linear. */
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const SEQUENCE = 0x30;
const BIT_STRING = 0x03;

export type CaCertificateProblem = 'not-pem' | 'not-certificate';

export const CA_CERTIFICATE_MESSAGES: Record<CaCertificateProblem, string> = {
  'not-pem':
    'The CA certificate must be PEM text: -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----.',
  'not-certificate': 'The PEM text of the CA certificate does not hold a readable certificate.',
};

/** The base64 of each certificate block, without line breaks. */
const certificateBodies = (text: string): string[] =>
  [...text.matchAll(PEM_BLOCK)].map((match) => (match[1] ?? '').replace(/\s+/g, ''));

const decodeBase64 = (base64: string): Uint8Array | undefined => {
  if (!BASE64.test(base64) || base64.length % 4 !== 0) return undefined;
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
};

type Element = { tag: number; start: number; end: number };

/** The DER element at `at`: its tag and where its content starts and ends; undefined if cut off. */
const readElement = (bytes: Uint8Array, at: number): Element | undefined => {
  const tag = bytes[at];
  const first = bytes[at + 1];
  if (tag === undefined || first === undefined) return undefined;
  let start = at + 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > bytes.length) return undefined;
    length = 0;
    for (let index = 0; index < count; index += 1) length = length * 256 + bytes[start + index]!;
    start += count;
  }
  const end = start + length;
  return end <= bytes.length ? { tag, start, end } : undefined;
};

/**
 * RFC 5280's Certificate: a SEQUENCE of exactly the to-be-signed SEQUENCE, the signature
 * algorithm SEQUENCE and the signature BIT STRING, with every length adding up. That catches a
 * truncated or mistyped paste, which is what goes wrong in practice.
 */
const isCertificate = (der: Uint8Array): boolean => {
  const certificate = readElement(der, 0);
  if (certificate?.tag !== SEQUENCE || certificate.end !== der.length) return false;
  let at = certificate.start;
  for (const tag of [SEQUENCE, SEQUENCE, BIT_STRING]) {
    const part = readElement(der, at);
    if (part?.tag !== tag || part.end > certificate.end) return false;
    at = part.end;
  }
  return at === certificate.end;
};

/**
 * What is wrong with a CA bundle, or undefined when every block in it is a certificate. Text
 * around the blocks (openssl's "subject=" lines) is allowed, as Forklift's PEM reader skips it.
 * Whether a certificate is required at all is the caller's rule.
 */
export const caCertificateProblem = (text: string): CaCertificateProblem | undefined => {
  const bodies = certificateBodies(text);
  if (bodies.length === 0) return 'not-pem';
  return bodies.every((body) => {
    const der = decodeBase64(body);
    return der !== undefined && isCertificate(der);
  })
    ? undefined
    : 'not-certificate';
};

/** The message for a CA bundle that breaks the rule, or undefined when it keeps it. */
export const caCertificateError = (text: string): string | undefined => {
  const problem = caCertificateProblem(text);
  return problem && CA_CERTIFICATE_MESSAGES[problem];
};

/** Whether two bundles hold the same certificates, however their lines are wrapped. */
export const sameCertificates = (a: string, b: string): boolean =>
  certificateBodies(a).join('\n') === certificateBodies(b).join('\n');
