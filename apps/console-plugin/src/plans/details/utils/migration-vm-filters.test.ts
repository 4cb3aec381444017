import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CANCELED_VM,
  COPYING_VM,
  FAILED_VM,
  PENDING_VM,
  SUCCEEDED_VM,
} from '@forklift-console/api/migration-fixtures';
import {
  filterMigrationVmRows,
  rowsMatchingName,
  vmFiltersFromSearchParams,
  vmStateTotals,
  withVmFilters,
} from './migration-vm-filters.ts';
import { migrationVmRows } from './migration-vms.ts';

const rows = migrationVmRows([COPYING_VM, FAILED_VM, CANCELED_VM, PENDING_VM, SUCCEEDED_VM]);
const names = (filtered: readonly { name: string }[]) => filtered.map((row) => row.name);

test('the filters read from the URL; an unknown status reads as All', () => {
  assert.deepEqual(vmFiltersFromSearchParams(new URLSearchParams('status=Failed&name=db')), {
    status: 'Failed',
    name: 'db',
  });
  assert.deepEqual(vmFiltersFromSearchParams(new URLSearchParams('status=failed')), {
    status: undefined,
    name: '',
  });
});

test('setting a filter keeps the other parameters; All and an empty name leave the URL', () => {
  const params = new URLSearchParams('status=Failed&keep=1');
  assert.equal(withVmFilters(params, { name: 'web' }).toString(), 'status=Failed&keep=1&name=web');
  assert.equal(withVmFilters(params, { status: undefined }).toString(), 'keep=1');
  assert.equal(withVmFilters(new URLSearchParams('name=web'), { name: '' }).toString(), '');
  assert.equal(params.toString(), 'status=Failed&keep=1');
});

test('the status filter keeps the VMs in that state, the name filter a piece of the name', () => {
  assert.deepEqual(names(filterMigrationVmRows(rows, { status: 'Failed', name: '' })), ['db-01']);
  assert.deepEqual(names(filterMigrationVmRows(rows, { name: ' WEB ' })), ['web-01']);
  assert.deepEqual(names(filterMigrationVmRows(rows, { status: 'Failed', name: 'web' })), []);
  assert.equal(filterMigrationVmRows(rows, { name: '' }).length, 5);
});

test('each status counts the VMs the name filter keeps', () => {
  assert.deepEqual(vmStateTotals(rows), {
    All: 5,
    Running: 1,
    Pending: 1,
    Succeeded: 1,
    Failed: 1,
    Canceled: 1,
  });
  assert.deepEqual(vmStateTotals(rowsMatchingName(rows, '-01')).All, 5);
  assert.deepEqual(vmStateTotals(rowsMatchingName(rows, 'db')), {
    All: 1,
    Running: 0,
    Pending: 0,
    Succeeded: 0,
    Failed: 1,
    Canceled: 0,
  });
});
