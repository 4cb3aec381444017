import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import {
  CA_CERTIFICATE_MESSAGES,
  caCertificateError,
  caCertificateProblem,
  sameCertificates,
} from './ca-certificate.ts';
import { TEST_CA_CERTIFICATE as CERTIFICATE } from './test-support.ts';

const block = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;

test('a PEM certificate, alone or in a bundle with openssl’s headers, is accepted', () => {
  assert.equal(caCertificateProblem(CERTIFICATE), undefined);
  assert.equal(
    caCertificateProblem(`subject=CN = vcsim.local\nissuer=CN = vcsim.local\n${CERTIFICATE}`),
    undefined,
  );
  assert.equal(
    caCertificateProblem(`${CERTIFICATE}${CERTIFICATE.replace(/\n/g, '\r\n')}`),
    undefined,
  );
});

test('text without a certificate block is not PEM, blank text included', () => {
  for (const text of ['', '  \n', 'MIIBoTCCAUegAwIBAgIU', '-----BEGIN CERTIFICATE-----\nMIIB']) {
    assert.equal(caCertificateProblem(text), 'not-pem', text);
  }
});

test('a block that is not base64, not DER or not a whole certificate is no certificate', () => {
  for (const body of [
    'not base64!',
    'aGVsbG8gd29ybGQ=',
    '',
    'AAAA',
    'MIIB',
    'MIIBfzCCASWgAwIBAgIU',
  ]) {
    assert.equal(caCertificateProblem(block(body)), 'not-certificate', body);
  }
  assert.equal(caCertificateProblem(`${CERTIFICATE}${block('AAAA')}`), 'not-certificate');
});

test('truncations and typos that Node.js’s X.509 parser refuses are refused too', () => {
  const body = CERTIFICATE.split('\n').slice(1, -2).join('');
  const variants = [
    body.slice(0, -8),
    body.slice(0, 200),
    body.replace('MIIBoTCC', 'MIIBoXXX'),
    body.replace('MIIBoTCC', 'MIIBoDCC'),
  ];
  for (const variant of variants) {
    assert.throws(() => new X509Certificate(block(variant)), Error, variant);
    assert.equal(caCertificateProblem(block(variant)), 'not-certificate', variant);
  }
});

test('each problem has one message, which caCertificateError answers', () => {
  assert.equal(caCertificateError(CERTIFICATE), undefined);
  assert.equal(caCertificateError('junk'), CA_CERTIFICATE_MESSAGES['not-pem']);
  assert.equal(caCertificateError(block('AAAA')), CA_CERTIFICATE_MESSAGES['not-certificate']);
});

test('the same certificates compare equal whatever the wrapping and headers', () => {
  const rewrapped = CERTIFICATE.replace(/\n(?!-)/g, '\r\n');
  assert.equal(sameCertificates(CERTIFICATE, `issuer=x\n${rewrapped}`), true);
  assert.equal(sameCertificates(CERTIFICATE, `${CERTIFICATE}${CERTIFICATE}`), false);
});
