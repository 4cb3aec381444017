import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_CA_CERTIFICATE } from '@forklift-console/api/test-support';
import { credentialErrors, credentialFields, credentialsData } from './credentials-form.ts';

const PEM = TEST_CA_CERTIFICATE;

describe('credential fields', () => {
  test('vSphere: user, password, the verification switch and the CA certificate', () => {
    assert.deepEqual(
      credentialFields('vsphere', true, []).map(({ key, kind, required }) => [key, kind, required]),
      [
        ['user', 'text', true],
        ['password', 'password', true],
        ['insecureSkipVerify', 'switch', false],
        ['cacert', 'certificate', false],
      ],
    );
  });

  test('an openshift token is required only with a URL', () => {
    assert.equal(credentialFields('openshift', true, [])[0]?.required, true);
    assert.equal(credentialFields('openshift', false, [])[0]?.required, false);
  });

  test('keys the form does not know are kept as plain fields', () => {
    const keys = credentialFields('vsphere', true, ['user', 'thumbprint', 'password']).map(
      ({ key }) => key,
    );
    assert.deepEqual(keys, ['user', 'password', 'insecureSkipVerify', 'cacert', 'thumbprint']);
    assert.deepEqual(
      credentialFields('openstack', true, ['username', 'authType']).map(({ key }) => key),
      ['authType', 'username'],
    );
  });
});

describe('validation', () => {
  const fields = credentialFields('vsphere', true, []);

  test('required values and no spaces', () => {
    assert.deepEqual(credentialErrors(fields, { user: '', password: 'p w' }), {
      user: 'required',
      password: 'spaces',
    });
    assert.deepEqual(credentialErrors(fields, { user: 'admin', password: 'pw' }), {});
  });

  test('a CA certificate must be PEM, unless verification is skipped', () => {
    const values = { user: 'admin', password: 'pw', cacert: 'not pem' };
    assert.deepEqual(credentialErrors(fields, values), { cacert: 'not-pem' });
    assert.deepEqual(
      credentialErrors(fields, { ...values, cacert: PEM.replace('MIIBoTCC', 'MIIBoXXX') }),
      { cacert: 'not-certificate' },
    );
    assert.deepEqual(credentialErrors(fields, { ...values, cacert: PEM }), {});
    assert.deepEqual(credentialErrors(fields, { ...values, insecureSkipVerify: 'true' }), {});
  });
});

describe('saved data', () => {
  const fields = credentialFields('vsphere', true, ['thumbprint']);

  test('holds the shown fields with values and always the switch', () => {
    assert.deepEqual(
      credentialsData(fields, { user: 'admin', password: 'pw', cacert: PEM, thumbprint: '' }),
      { user: 'admin', password: 'pw', insecureSkipVerify: 'false', cacert: PEM },
    );
  });

  test('skipping verification drops the CA certificate', () => {
    assert.deepEqual(
      credentialsData(fields, {
        user: 'admin',
        password: 'pw',
        insecureSkipVerify: 'true',
        cacert: PEM,
        thumbprint: 'AB:CD',
      }),
      { user: 'admin', password: 'pw', insecureSkipVerify: 'true', thumbprint: 'AB:CD' },
    );
  });
});
