import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  networkMapEntries,
  networkRowsFromEntries,
  networkRowsProblems,
  targetFromValue,
  targetValue,
} from './network-rows.ts';

const source = (id: string) => ({ key: id, label: id, ref: { id, name: id } });

test('rows need at least one, each complete, and the pod network once', () => {
  assert.equal(networkRowsProblems([]).noRows, true);
  const problems = networkRowsProblems([
    { key: 'a', source: source('n1'), target: { type: 'pod' } },
    { key: 'b', source: source('n2') },
    { key: 'c', source: source('n3'), target: { type: 'pod' } },
  ]);
  assert.deepEqual(problems.incompleteKeys, ['b']);
  assert.equal(problems.secondPodKey, 'c');
});

test('the same source may appear on several rows', () => {
  const problems = networkRowsProblems([
    { key: 'a', source: source('n1'), target: { type: 'multus', namespace: 'demo', name: 'x' } },
    { key: 'b', source: source('n1'), target: { type: 'multus', namespace: 'demo', name: 'y' } },
  ]);
  assert.deepEqual(problems, { noRows: false, incompleteKeys: [] });
});

test('targets round-trip through select values', () => {
  for (const target of [
    { type: 'pod' as const },
    { type: 'ignored' as const },
    { type: 'multus' as const, namespace: 'demo', name: 'vm-bridge' },
  ]) {
    assert.deepEqual(targetFromValue(targetValue(target)), target);
  }
  assert.equal(targetFromValue(''), undefined);
});

test('rows become spec entries and come back from them', () => {
  const rows = [
    { key: 'a', source: source('network-1'), target: { type: 'pod' as const } },
    { key: 'b', source: source('network-2') },
  ];
  const entries = networkMapEntries(rows);
  assert.deepEqual(entries, [
    { source: { id: 'network-1', name: 'network-1' }, destination: { type: 'pod' } },
  ]);
  const back = networkRowsFromEntries(
    [...entries, { source: { id: 'gone' }, destination: { type: 'ignored' } }],
    [source('network-1')],
  );
  assert.equal(back[0]?.source?.label, 'network-1');
  assert.deepEqual(back[1]?.source?.ref, { id: 'gone' });
  assert.deepEqual(back[1]?.target, { type: 'ignored' });
});
