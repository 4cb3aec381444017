// The embedded API server's certificates, laid out as kubeadm lays out a cluster's: a CA, the
// serving certificate it signs for the loopback names, and the administrator's client certificate
// (O=system:masters), all under DATA_DIR/pki. Made on the first start and reused afterwards, so a
// kubeconfig keeps working across restarts; a certificate that is missing, expiring, no longer
// signed by the CA or (serving) not covering the loopback names is issued again.
// Node's crypto makes the keys and reads certificates but cannot write one; node-forge (pure
// JavaScript) encodes and signs the certificates.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { ensurePrivateDirectory, restrictToOwner, writePrivateFile } from './private-files.ts';

/** A certificate and its private key, both PEM. */
export type CertifiedKey = { certificate: string; key: string };

export type ApiServerCertificates = {
  ca: CertifiedKey;
  /** What the HTTPS server presents. */
  serving: CertifiedKey;
  /** The administrator's client certificate: CN=kubernetes-admin, O=system:masters. */
  admin: CertifiedKey;
};

export const SERVING_IPS = ['127.0.0.1', '::1'];
export const SERVING_DNS_NAMES = ['localhost'];
export const ADMIN_USER = { commonName: 'kubernetes-admin', organization: 'system:masters' };

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_VALIDITY_DAYS = 3650;
const LEAF_VALIDITY_DAYS = 365;
/** A certificate this close to its end is renewed at start, before clients start failing. */
const RENEW_BEFORE_MS = 30 * DAY_MS;

type Subject = { commonName: string; organization?: string };

type Issuer = { certificate: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };

type Profile =
  { role: 'ca' } | { role: 'server'; ips: string[]; dnsNames: string[] } | { role: 'client' };

const newKey = () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
};

const extensionsFor = (profile: Profile) => {
  switch (profile.role) {
    case 'ca':
      return [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          cRLSign: true,
          digitalSignature: true,
          critical: true,
        },
      ];
    case 'server':
      return [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...profile.dnsNames.map((value) => ({ type: 2, value })),
            ...profile.ips.map((ip) => ({ type: 7, ip })),
          ],
        },
      ];
    case 'client':
      return [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true },
      ];
  }
};

const issue = (
  subject: Subject,
  profile: Profile,
  validityDays: number,
  issuer?: Issuer,
): CertifiedKey => {
  const key = newKey();
  const privateKey = forge.pki.privateKeyFromPem(key) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  // 16 random bytes with the top bit clear: a positive serial, unique without a counter.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  certificate.serialNumber = serial.toString('hex');
  // Back-dated a little so a client whose clock is slightly behind accepts it at once.
  certificate.validity.notBefore = new Date(Date.now() - 5 * 60 * 1000);
  certificate.validity.notAfter = new Date(Date.now() + validityDays * DAY_MS);
  const attributes = [
    { name: 'commonName', value: subject.commonName },
    ...(subject.organization ? [{ name: 'organizationName', value: subject.organization }] : []),
  ];
  certificate.setSubject(attributes);
  certificate.setIssuer(issuer ? issuer.certificate.subject.attributes : attributes);
  certificate.setExtensions([
    ...extensionsFor(profile),
    { name: 'subjectKeyIdentifier' },
    ...(issuer
      ? [
          {
            name: 'authorityKeyIdentifier',
            keyIdentifier: issuer.certificate.generateSubjectKeyIdentifier().getBytes(),
          },
        ]
      : []),
  ]);
  certificate.sign(issuer?.key ?? privateKey, forge.md.sha256.create());
  return { certificate: forge.pki.certificateToPem(certificate), key };
};

const read = (dir: string, name: string): CertifiedKey | undefined => {
  try {
    return {
      certificate: readFileSync(path.join(dir, `${name}.crt`), 'utf8'),
      key: readFileSync(path.join(dir, `${name}.key`), 'utf8'),
    };
  } catch {
    return undefined;
  }
};

const write = (dir: string, name: string, pair: CertifiedKey): CertifiedKey => {
  writePrivateFile(path.join(dir, `${name}.key`), pair.key);
  writePrivateFile(path.join(dir, `${name}.crt`), pair.certificate);
  return pair;
};

const parse = (pem: string): X509Certificate | undefined => {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
};

const lastsLongEnough = (certificate: X509Certificate) =>
  new Date(certificate.validTo).getTime() - Date.now() > RENEW_BEFORE_MS;

/** The stored pair still serves: it parses, is not about to expire and, for a leaf, the CA signed it. */
const stillGood = (
  pair: CertifiedKey | undefined,
  ca: X509Certificate | undefined,
  fits: (certificate: X509Certificate) => boolean,
): pair is CertifiedKey => {
  const certificate = pair && parse(pair.certificate);
  return (
    certificate !== undefined &&
    lastsLongEnough(certificate) &&
    (ca === undefined || (certificate.checkIssued(ca) && certificate.verify(ca.publicKey))) &&
    fits(certificate)
  );
};

const coversServingNames = (certificate: X509Certificate) =>
  SERVING_IPS.every((ip) => certificate.checkIP(ip) !== undefined) &&
  SERVING_DNS_NAMES.every((name) => certificate.checkHost(name) !== undefined);

const namesAdmin = (certificate: X509Certificate) =>
  certificate.subject.includes(`CN=${ADMIN_USER.commonName}`) &&
  certificate.subject.includes(`O=${ADMIN_USER.organization}`);

/** Loads DATA_DIR/pki, issuing what is missing or no longer fit. */
export const ensureCertificates = (dataDir: string): ApiServerCertificates => {
  const dir = path.join(dataDir, 'pki');
  ensurePrivateDirectory(dir);
  for (const name of ['ca', 'apiserver', 'admin']) {
    restrictToOwner(path.join(dir, `${name}.key`));
    restrictToOwner(path.join(dir, `${name}.crt`));
  }
  const storedCa = read(dir, 'ca');
  const ca = stillGood(storedCa, undefined, (certificate) => certificate.ca)
    ? storedCa
    : write(
        dir,
        'ca',
        issue({ commonName: 'forklift-embedded-ca' }, { role: 'ca' }, CA_VALIDITY_DAYS),
      );
  const caCertificate = parse(ca.certificate)!;
  const issuer: Issuer = {
    certificate: forge.pki.certificateFromPem(ca.certificate),
    key: forge.pki.privateKeyFromPem(ca.key) as forge.pki.rsa.PrivateKey,
  };
  const storedServing = read(dir, 'apiserver');
  const serving = stillGood(storedServing, caCertificate, coversServingNames)
    ? storedServing
    : write(
        dir,
        'apiserver',
        issue(
          { commonName: 'kube-apiserver' },
          { role: 'server', ips: SERVING_IPS, dnsNames: SERVING_DNS_NAMES },
          LEAF_VALIDITY_DAYS,
          issuer,
        ),
      );
  const storedAdmin = read(dir, 'admin');
  const admin = stillGood(storedAdmin, caCertificate, namesAdmin)
    ? storedAdmin
    : write(dir, 'admin', issue(ADMIN_USER, { role: 'client' }, LEAF_VALIDITY_DAYS, issuer));
  return { ca, serving, admin };
};
