import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TlsCertificate } from '@forklift-console/api';
import { certificateToTrust } from './certificate.ts';

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
