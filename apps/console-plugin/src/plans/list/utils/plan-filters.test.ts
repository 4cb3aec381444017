import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { planRows } from './plan-rows.ts';
import {
  filterPlanRows,
  filtersFromSearchParams,
  hasFilters,
  withFilter,
  withoutFilters,
  type PlanFilters,
} from './plan-filters.ts';

const plan = (name: string, spec: object = {}, status?: object) =>
  ({
    metadata: { name, namespace: 'demo' },
    spec: {
      provider: { source: { name: 'vcsim' }, destination: { name: 'host' } },
      targetNamespace: 'target',
      map: { network: { name: 'n' }, storage: { name: 's' } },
      vms: [],
      ...spec,
    },
    ...(status ? { status } : {}),
  }) as Plan;

const ready = { conditions: [{ type: 'Ready', status: 'True', category: 'Required' }] };

const rows = planRows(
  [
    plan('web', { description: 'Front ends' }, ready),
    plan(
      'db',
      { type: 'warm' },
      {
        ...ready,
        migration: { started: '2026-11-02T12:00:00Z' },
      },
    ),
    plan('old', { archived: true }, { migration: { started: '2026-10-01T12:00:00Z' } }),
  ],
  [],
);

const none: PlanFilters = { text: '', statuses: [], types: [], showArchived: false };

const names = (filters: Partial<PlanFilters>) =>
  filterPlanRows(rows, { ...none, ...filters }).map((row) => row.name);

test('archived plans are hidden until Show archived is on', () => {
  assert.deepEqual(names({}), ['web', 'db']);
  assert.deepEqual(names({ showArchived: true }), ['web', 'db', 'old']);
});

test('the text filter searches name, project, source, target and description', () => {
  assert.deepEqual(names({ text: 'FRONT' }), ['web']);
  assert.deepEqual(names({ text: 'vcsim' }), ['web', 'db']);
});

test('status and type filters keep rows matching any chosen value', () => {
  assert.deepEqual(names({ statuses: ['Ready'], types: ['warm'] }), ['db']);
  assert.deepEqual(names({ statuses: ['Archived'], showArchived: true }), ['old']);
});

test('the date range is inclusive and leaves out plans never started', () => {
  assert.deepEqual(names({ startedFrom: '2026-11-02', startedTo: '2026-11-02' }), ['db']);
  assert.deepEqual(names({ startedTo: '2026-11-01', showArchived: true }), ['old']);
  assert.deepEqual(names({ startedFrom: '2026-11-03' }), []);
});

test('filters round-trip through the URL, and unknown values are dropped', () => {
  let params = new URLSearchParams('other=1');
  params = withFilter(params, 'text', 'web');
  params = withFilter(params, 'statuses', ['Ready', 'CannotStart']);
  params = withFilter(params, 'types', ['warm']);
  params = withFilter(params, 'startedFrom', '2026-11-01');
  params = withFilter(params, 'showArchived', true);
  assert.deepEqual(filtersFromSearchParams(params), {
    text: 'web',
    statuses: ['Ready', 'CannotStart'],
    types: ['warm'],
    startedFrom: '2026-11-01',
    startedTo: undefined,
    showArchived: true,
  });
  const mistyped = filtersFromSearchParams(
    new URLSearchParams('status=Bogus,Ready&startedTo=soon'),
  );
  assert.deepEqual(mistyped.statuses, ['Ready']);
  assert.equal(mistyped.startedTo, undefined);
  const cleared = withoutFilters(params);
  assert.equal(hasFilters(filtersFromSearchParams(cleared)), false);
  assert.equal(cleared.get('archived'), 'true');
  assert.equal(cleared.get('other'), '1');
});
