import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hiddenColumnsFromStorage,
  hiddenColumnsToStorage,
  visibleColumns,
} from './plan-columns.ts';

test('Description is hidden until the user shows it', () => {
  assert.deepEqual(hiddenColumnsFromStorage(null), ['description']);
  assert.ok(!visibleColumns(hiddenColumnsFromStorage(null)).includes('description'));
});

test('a stored choice is read back; bad JSON or unknown columns fall back or are dropped', () => {
  assert.deepEqual(hiddenColumnsFromStorage(hiddenColumnsToStorage(['type', 'started'])), [
    'type',
    'started',
  ]);
  assert.deepEqual(hiddenColumnsFromStorage('{not json'), ['description']);
  assert.deepEqual(hiddenColumnsFromStorage('{"hidden":["bogus","vms"]}'), ['vms']);
});

test('Name always shows, whatever was stored', () => {
  assert.deepEqual(hiddenColumnsFromStorage('{"hidden":["name"]}'), []);
  assert.equal(visibleColumns(['name', 'vms'])[0], 'name');
});
