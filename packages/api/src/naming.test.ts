import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNetworkName, NETWORK_NAME_PATTERN } from './naming.ts';

test('a network is named namespace/name, each a DNS-1123 label', () => {
  assert.equal(isNetworkName('demo/migration-net'), true);
  assert.equal(isNetworkName('openshift-mtv/net1'), true);
});

test('a bare name, an upper-case letter, an edge hyphen or a third segment is not a network name', () => {
  for (const name of ['migration-net', 'demo/Net', 'demo/-net', 'demo-/net', 'a/b/c', '/net', '']) {
    assert.equal(isNetworkName(name), false, name);
  }
});

test('the pattern is anchored, so a JSON schema with it refuses the same names', () => {
  const schemaRegex = new RegExp(NETWORK_NAME_PATTERN, 'u');
  assert.equal(schemaRegex.test('demo/migration-net'), true);
  assert.equal(schemaRegex.test('x demo/migration-net'), false);
});
