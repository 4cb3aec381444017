import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hasSpaces,
  requiredCredentialKeys,
  SPACELESS_CREDENTIAL_KEYS,
} from './provider-credentials.ts';

test('each type needs the keys Forklift reads to log in', () => {
  assert.deepEqual(requiredCredentialKeys('vsphere', true), ['user', 'password']);
  assert.deepEqual(requiredCredentialKeys('ovirt', true), ['user', 'password']);
  assert.deepEqual(requiredCredentialKeys('hyperv', true), ['username', 'password']);
  assert.deepEqual(requiredCredentialKeys('ova', true), []);
  assert.deepEqual(requiredCredentialKeys(undefined, false), []);
});

test('an openshift provider needs a token only when it has a URL (another cluster)', () => {
  assert.deepEqual(requiredCredentialKeys('openshift', true), ['token']);
  assert.deepEqual(requiredCredentialKeys('openshift', false), []);
});

test('every required key but none of the TLS keys is spaceless', () => {
  for (const type of ['vsphere', 'ovirt', 'hyperv', 'openshift']) {
    for (const key of requiredCredentialKeys(type, true)) {
      assert.ok(SPACELESS_CREDENTIAL_KEYS.includes(key), key);
    }
  }
  assert.equal(SPACELESS_CREDENTIAL_KEYS.includes('cacert'), false);
});

test('any whitespace is a space: a tab or a line break pasted with a password too', () => {
  assert.equal(hasSpaces('s3cret'), false);
  for (const value of ['s3 cret', 's3cret\n', '\ts3cret']) assert.equal(hasSpaces(value), true);
});
