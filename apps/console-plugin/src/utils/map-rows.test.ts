import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeRow, removeRow } from './map-rows.ts';

type Row = { key: string; target?: string; mode?: string; suggestion?: string };

const rows: Row[] = [
  { key: 'a', target: 'x', suggestion: 'why x' },
  { key: 'b', target: 'y', suggestion: 'why y' },
];

test('a changed row loses its suggestion and the other rows keep theirs', () => {
  assert.deepEqual(changeRow(rows, 'a', { target: 'z' }), [
    { key: 'a', target: 'z', suggestion: undefined },
    { key: 'b', target: 'y', suggestion: 'why y' },
  ]);
});

test('a change that leaves the suggested choice alone keeps the suggestion', () => {
  assert.deepEqual(changeRow(rows, 'b', { mode: 'Block' }, true)[1], {
    key: 'b',
    target: 'y',
    mode: 'Block',
    suggestion: 'why y',
  });
});

test('removing a row keeps the others in order', () => {
  assert.deepEqual(
    removeRow(rows, 'a').map((row) => row.key),
    ['b'],
  );
});
