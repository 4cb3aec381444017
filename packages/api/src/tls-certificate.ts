// A certificate of a server's TLS chain as the BFF describes it (GET /api/v1/tls-certificate) and
// the create form shows it for the user to trust.
export type TlsCertificate = {
  /** Distinguished name, e.g. `CN=vcenter.example.com, O=Example`. */
  subject: string;
  issuer: string;
  /** Upper-case hex pairs separated by colons, as browsers show them. */
  sha256Fingerprint: string;
  sha1Fingerprint: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  pem: string;
};
