import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProviderRow } from './provider-rows.ts';
import {
  filterProviderRows,
  filtersFromSearchParams,
  hasFilters,
  sortProviderRows,
  withFilter,
  withoutFilters,
} from './provider-filters.ts';

const row = (name: string, namespace: string, type: string, phase: string): ProviderRow => ({
  uid: `${namespace}/${name}`,
  name,
  namespace,
  type,
  phase,
  counts: {},
});

const rows = [
  row('vcenter-prod', 'demo', 'vsphere', 'Ready'),
  row('ova-share', 'demo', 'ova', 'ConnectionFailed'),
  row('host', 'openshift-mtv', 'openshift', 'Ready'),
  row('vcenter-lab', 'lab', 'vsphere', 'Staging'),
];

test('the filters are read from the URL, the welcome card’s providerType included', () => {
  assert.deepEqual(
    filtersFromSearchParams(new URLSearchParams('providerType=vsphere&status=Ready&name=prod')),
    { name: 'prod', type: 'vsphere', phase: 'Ready' },
  );
});

test('an unknown type or status in the URL filters nothing', () => {
  assert.deepEqual(filtersFromSearchParams(new URLSearchParams('providerType=vmware&status=ok')), {
    name: '',
    type: undefined,
    phase: undefined,
  });
  assert.equal(hasFilters(filtersFromSearchParams(new URLSearchParams('providerType=x'))), false);
});

test('setting and clearing filters keeps other parameters', () => {
  const params = new URLSearchParams('providerType=ova&other=1');
  assert.equal(
    withFilter(params, 'phase', 'Ready').toString(),
    'providerType=ova&other=1&status=Ready',
  );
  assert.equal(withFilter(params, 'type', undefined).toString(), 'other=1');
  assert.equal(
    withoutFilters(new URLSearchParams('name=a&status=Ready&other=1')).toString(),
    'other=1',
  );
});

test('rows match the name (any case, any part), the type and the status together', () => {
  const names = (filtered: ProviderRow[]) => filtered.map((filtered) => filtered.name);
  assert.deepEqual(names(filterProviderRows(rows, { name: 'VCENTER' })), [
    'vcenter-prod',
    'vcenter-lab',
  ]);
  assert.deepEqual(names(filterProviderRows(rows, { name: '', type: 'vsphere', phase: 'Ready' })), [
    'vcenter-prod',
  ]);
  assert.deepEqual(names(filterProviderRows(rows, { name: ' ', phase: 'ConnectionFailed' })), [
    'ova-share',
  ]);
  assert.deepEqual(filterProviderRows(rows, { name: 'nothing' }), []);
});

test('rows sort by name either way, then by project', () => {
  const twins = [...rows, row('host', 'demo', 'openshift', 'Ready')];
  assert.deepEqual(
    sortProviderRows(twins, 'asc').map(({ name, namespace }) => `${namespace}/${name}`),
    ['demo/host', 'openshift-mtv/host', 'demo/ova-share', 'lab/vcenter-lab', 'demo/vcenter-prod'],
  );
  assert.deepEqual(
    sortProviderRows(rows, 'desc').map(({ name }) => name),
    ['vcenter-prod', 'vcenter-lab', 'ova-share', 'host'],
  );
});
