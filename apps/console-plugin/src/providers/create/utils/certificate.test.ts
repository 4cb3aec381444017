import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TlsCertificate } from '@forklift-console/api';
import { certificateToTrust, pemProblem, sameCertificates } from './certificate.ts';

// Certificate-shaped: a DER SEQUENCE in base64. The checks are about shape, not signatures.
const PEM = `-----BEGIN CERTIFICATE-----
MIIBfzCCASWgAwIBAgIUJ4ePK6Pk1z8u7mT2F0bIMb8GcaswCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTI0MDEwMTAwMDAwMFoXDTI0MDEwMjAw
MDAwMFowFDESMBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEc9kOqiUu9ZgQJ7dTq4o1m2W+gkN8Oh2cDEzJ2sQlqG3KkqH1Vv3vC7eU
1Dq4qz0u6+Zs3s1s4M0Vf5u8O0dJ6aNTMFEwHQYDVR0OBBYEFHb3oZ3Cq1mH3Wgk
Wd8j8pS2Xq5aMB8GA1UdIwQYMBaAFHb3oZ3Cq1mH3WgkWd8j8pS2Xq5aMA8GA1Ud
EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgQ2e5d1lq3m0uTq7xW8i5m6XU
-----END CERTIFICATE-----
`;

test('a PEM certificate, alone or in a bundle with openssl’s headers, is accepted', () => {
  assert.equal(pemProblem(PEM), undefined);
  assert.equal(
    pemProblem(`subject=CN = localhost\nissuer=CN = localhost\n${PEM}${PEM}`),
    undefined,
  );
});

test('missing, non-PEM and non-certificate text each say what is wrong', () => {
  assert.equal(pemProblem('  \n'), 'missing');
  assert.equal(pemProblem('MIIBfzCCASWgAwIBAgIU'), 'not-pem');
  assert.equal(
    pemProblem('-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----'),
    'not-certificate',
  );
  // Valid base64, but not a DER structure: "hello world".
  assert.equal(
    pemProblem('-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----'),
    'not-certificate',
  );
  assert.equal(
    pemProblem('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----'),
    'not-certificate',
  );
});

test('the same certificates compare equal whatever the wrapping and headers', () => {
  const rewrapped = PEM.replace(/\n(?!-)/g, '\r\n');
  assert.equal(sameCertificates(PEM, `issuer=x\n${rewrapped}`), true);
  assert.equal(sameCertificates(PEM, `${PEM}${PEM}`), false);
});

test('the top of the presented chain is the one to trust', () => {
  const certificate = (subject: string): TlsCertificate => ({
    subject,
    issuer: '',
    sha256Fingerprint: '',
    sha1Fingerprint: '',
    validFrom: '',
    validTo: '',
    pem: '',
  });
  assert.equal(
    certificateToTrust([certificate('leaf'), certificate('intermediate'), certificate('root')])
      ?.subject,
    'root',
  );
  assert.equal(certificateToTrust([certificate('self-signed')])?.subject, 'self-signed');
  assert.equal(certificateToTrust([]), undefined);
});
