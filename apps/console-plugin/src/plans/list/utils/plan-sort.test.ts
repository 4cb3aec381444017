import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { planRows } from './plan-rows.ts';
import { sortPlanRows } from './plan-sort.ts';

const plan = (name: string, namespace: string, vms: number, started?: string) =>
  ({
    metadata: { name, namespace },
    spec: {
      provider: { source: { name: 's' }, destination: { name: 'd' } },
      targetNamespace: 't',
      map: { network: { name: 'n' }, storage: { name: 's' } },
      vms: Array.from({ length: vms }, (_, index) => ({ id: `vm-${index}` })),
    },
    ...(started ? { status: { migration: { started } } } : {}),
  }) as Plan;

const rows = planRows(
  [
    plan('b', 'one', 3, '2026-11-02T00:00:00Z'),
    plan('a', 'two', 1),
    plan('a', 'one', 2, '2026-10-01T00:00:00Z'),
  ],
  [],
);

const order = (column: Parameters<typeof sortPlanRows>[1]['column'], direction: 'asc' | 'desc') =>
  sortPlanRows(rows, { column, direction }).map((row) => `${row.namespace}/${row.name}`);

test('equal names keep project order, whichever way the column sorts', () => {
  assert.deepEqual(order('name', 'asc'), ['one/a', 'two/a', 'one/b']);
  assert.deepEqual(order('name', 'desc'), ['one/b', 'one/a', 'two/a']);
});

test('VM counts sort as numbers and start times as times, never-started first', () => {
  assert.deepEqual(order('vms', 'desc'), ['one/b', 'one/a', 'two/a']);
  assert.deepEqual(order('started', 'asc'), ['two/a', 'one/a', 'one/b']);
});
