import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantityBytes } from './quantity.ts';

test('storage quantities in bytes, binary and decimal, and a bad one refused', () => {
  assert.equal(quantityBytes('10Gi'), 10 * 2 ** 30);
  assert.equal(quantityBytes('500M'), 500e6);
  assert.equal(quantityBytes('1073741824'), 2 ** 30);
  assert.equal(quantityBytes('1.5Ki'), 1536);
  assert.throws(() => quantityBytes('ten gigs'), /not a storage quantity: ten gigs/);
});
