import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DETAIL_PATTERN, detailLevel, MAX_DETAIL, page, splitName } from './query.ts';

test('detail: absent is 0, all is the maximum, larger numbers are capped', () => {
  assert.equal(detailLevel(undefined), 0);
  assert.equal(detailLevel('1'), 1);
  assert.equal(detailLevel('all'), MAX_DETAIL);
  assert.equal(detailLevel('42'), MAX_DETAIL);
});

test('detail: the route pattern admits integers and all, nothing else', () => {
  const pattern = new RegExp(DETAIL_PATTERN);
  for (const valid of ['0', '2', '10', 'all']) assert.match(valid, pattern);
  for (const invalid of ['', '-1', '1.5', 'ALL', 'full', '1e3']) {
    assert.doesNotMatch(invalid, pattern);
  }
});

test('name: the last segment is the name and the rest its path', () => {
  assert.deepEqual(splitName('web01'), { name: 'web01' });
  assert.deepEqual(splitName('prod/web01'), { name: 'web01', path: 'prod' });
  assert.deepEqual(splitName('/DC1/vm/prod/web01'), { name: 'web01', path: '/DC1/vm/prod' });
});

test('paging slices from offset, limit items at most', () => {
  const items = [1, 2, 3, 4, 5];
  assert.equal(page(items), items, 'no paging keeps the list itself');
  assert.deepEqual(page(items, 1, 2), [2, 3]);
  assert.deepEqual(page(items, 3), [4, 5]);
  assert.deepEqual(page(items, 0, 0), []);
  assert.deepEqual(page(items, 9, 2), []);
});
