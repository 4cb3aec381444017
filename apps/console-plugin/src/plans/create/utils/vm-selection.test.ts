import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankVmRow } from '../../../utils/vm-table.ts';
import { selectedVmOf, shownRows } from './vm-selection.ts';

const row = (id: string, folder: string) => ({
  ...blankVmRow(id, `vm-${id}`),
  path: folder ? `/DC0/vm/${folder}/vm-${id}` : '',
});

test('the table shows the selected VMs only, within a folder, when asked', () => {
  const rows = [row('1', 'web'), row('2', 'db'), row('3', 'web')];
  const selected = new Map([['3', selectedVmOf(rows[2]!, undefined)]]);
  const ids = (shown: { id: string }[]) => shown.map((shownRow) => shownRow.id);
  assert.deepEqual(ids(shownRows(rows, selected, { onlySelected: false, folder: '' })), [
    '1',
    '2',
    '3',
  ]);
  assert.deepEqual(ids(shownRows(rows, selected, { onlySelected: false, folder: '/DC0/vm/web' })), [
    '1',
    '3',
  ]);
  assert.deepEqual(ids(shownRows(rows, selected, { onlySelected: true, folder: '' })), ['3']);
});

test('a selected VM keeps its critical concern count, CBT and what it uses', () => {
  const vm = {
    id: '1',
    name: 'vm-1',
    changeTrackingEnabled: false,
    networks: [{ id: 'net-1' }],
    disks: [{ capacity: 1024, datastore: { id: 'ds-1' } }],
  };
  const critical = { ...row('1', ''), concernCounts: { Critical: 2, Warning: 0, Information: 0 } };
  const selected = selectedVmOf(critical, vm);
  assert.equal(selected.criticalConcerns, 2);
  assert.equal(selected.changeTracking, false);
  assert.deepEqual(selected.usage?.networks, [{ id: 'net-1' }]);
});
