import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isHostProvider } from './provider-types.ts';

describe('provider types', () => {
  test('an openshift provider without a URL is the cluster the console runs on', () => {
    assert.equal(isHostProvider({ type: 'openshift', url: '' }), true);
    assert.equal(isHostProvider({ type: 'openshift' }), true);
    assert.equal(
      isHostProvider({ type: 'openshift', url: 'https://api.remote.example:6443' }),
      false,
    );
    assert.equal(isHostProvider({ type: 'vsphere', url: '' }), false);
    assert.equal(isHostProvider(undefined), false);
  });
});
