import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSecretData, refersToSecret, secretLocation } from './secrets.ts';

test('data is base64-decoded; stringData not yet folded in wins', () => {
  assert.deepEqual(
    decodeSecretData({
      data: { user: Buffer.from('admin').toString('base64'), password: 'b2xk' },
      stringData: { password: 'new' },
    }),
    { user: 'admin', password: 'new' },
  );
  assert.deepEqual(decodeSecretData({}), {});
});

test('a reference without a namespace points into the referrer’s namespace', () => {
  assert.deepEqual(secretLocation({ name: 's' }, 'ns'), { name: 's', namespace: 'ns' });
  assert.deepEqual(secretLocation({ name: 's', namespace: 'other' }, 'ns'), {
    name: 's',
    namespace: 'other',
  });
  assert.equal(secretLocation({}, 'ns'), undefined);
  assert.equal(secretLocation(undefined, 'ns'), undefined);
});

test('refersToSecret matches name and namespace', () => {
  const secret = { metadata: { name: 's', namespace: 'ns' } };
  assert.equal(refersToSecret({ name: 's' }, 'ns', secret), true);
  assert.equal(refersToSecret({ name: 's', namespace: 'ns' }, 'elsewhere', secret), true);
  assert.equal(refersToSecret({ name: 's' }, 'elsewhere', secret), false);
  assert.equal(refersToSecret({ name: 't' }, 'ns', secret), false);
  assert.equal(refersToSecret({}, 'ns', { metadata: {} }), false);
});
