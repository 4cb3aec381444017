import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedRows, unmappedSources } from './wizard-map-kinds.ts';

const row = (id: string) => ({ key: id, source: { key: id, label: `net ${id}`, ref: { id } } });

test('seeded rows keep only what the selected VMs use', () => {
  assert.deepEqual(
    seedRows([row('a'), row('b'), { key: 'empty' }], ['b']).map((seeded) => seeded.key),
    ['b'],
  );
});

test('a used source without a row is named', () => {
  assert.deepEqual(
    unmappedSources(['a', 'c'], [row('a'), { key: 'empty' }], (id) => `net ${id}`),
    ['net c'],
  );
});
