// The CA certificate the create form offers to trust from the chain the endpoint presented; the
// PEM rule itself is packages/api's caCertificateProblem.
import type { TlsCertificate } from '@forklift-console/api';

/**
 * The certificate to trust from a chain the endpoint presented (leaf first): the top of it. That
 * is the root (or the leaf itself when self-signed), so the trust survives the server certificate
 * being renewed by the same authority, and covers nothing the endpoint did not show.
 */
export const certificateToTrust = (chain: readonly TlsCertificate[]): TlsCertificate | undefined =>
  chain.at(-1);
