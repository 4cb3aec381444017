import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NO_VM_FILTERS,
  concernCounts,
  filterVmRows,
  formatBytes,
  formatMemory,
  pageOfRows,
  sameCellContent,
  shownPageOf,
  sortVmRows,
  toVmRows,
  type InventoryVm,
} from './vm-table.ts';

const GiB = 1024 ** 3;

const vms: InventoryVm[] = [
  {
    id: 'vm-1',
    name: 'web-10',
    path: '/DC0/vm/prod/web-10',
    parent: { kind: 'Folder', id: 'group-v5' },
    powerState: 'poweredOn',
    host: 'host-1',
    cpuCount: 4,
    memoryMB: 8192,
    disks: [{ capacity: 20 * GiB }, { capacity: 100 * GiB }],
    concerns: [
      { id: 'a', label: 'CBT disabled', category: 'Warning', assessment: 'Warm migration…' },
      { id: 'b', label: 'Shared disk', category: 'Critical', assessment: 'Cannot…' },
    ],
  },
  {
    id: 'vm-2',
    name: 'web-9',
    path: '/DC0/vm/prod/web-9',
    parent: { kind: 'Folder', id: 'group-v5' },
    powerState: 'poweredOff',
    host: 'host-2',
    cpuCount: 2,
    memoryMB: 512,
    disks: [{ capacity: 10 * GiB }],
    concerns: [{ id: 'c', label: 'Note', category: 'Information', assessment: '' }],
  },
  {
    id: 'vm-3',
    name: 'db',
    path: '/DC0/vm/db',
    powerState: 'suspended',
    host: 'host-9',
    cpuCount: 8,
    memoryMB: 32768,
    concerns: null,
  },
];

const hosts = [
  { id: 'host-1', name: 'esx1.lab' },
  { id: 'host-2', name: 'esx2.lab' },
];
const folders = [{ id: 'group-v5', name: 'prod' }];

const rows = toVmRows(vms, hosts, folders);
const names = (list: readonly { name: string }[]) => list.map((row) => row.name);

describe('VM rows', () => {
  test('name hosts and folders, map power, total disks and count concerns', () => {
    const [web10, web9, db] = rows;
    assert.equal(web10?.power, 'on');
    assert.equal(web9?.power, 'off');
    assert.equal(db?.power, 'unknown');
    assert.equal(web10?.hostName, 'esx1.lab');
    // A host the host list does not know shows its ID rather than nothing.
    assert.equal(db?.hostName, 'host-9');
    assert.equal(web10?.folderName, 'prod');
    // Without a known parent folder, the last folder of the path.
    assert.equal(db?.folderName, 'vm');
    assert.equal(web10?.diskCount, 2);
    assert.equal(web10?.diskBytes, 120 * GiB);
    assert.deepEqual(web10?.concernCounts, { Critical: 1, Warning: 1, Information: 0 });
    assert.deepEqual(db?.concerns, []);
  });

  test('OVA VMs show their guest OS and file, and their PascalCase disks count', () => {
    const [appliance] = toVmRows([
      {
        id: 'ova-1',
        name: 'appliance',
        osType: 'rhel8_64Guest',
        ovfPath: '/ova/appliance.ova',
        disks: [{ Capacity: 2 * GiB }, { Capacity: GiB }],
      },
    ]);
    assert.equal(appliance?.guestOs, 'rhel8_64Guest');
    assert.equal(appliance?.ovfPath, '/ova/appliance.ova');
    assert.equal(appliance?.diskBytes, 3 * GiB);
    assert.equal(appliance?.power, 'unknown');
  });

  test('concern counts ignore categories they do not know', () => {
    assert.deepEqual(
      concernCounts([
        { label: 'a', category: 'Critical' },
        { label: 'b', category: 'Critical' },
        { label: 'c', category: 'Advisory' },
      ]),
      { Critical: 2, Warning: 0, Information: 0 },
    );
  });
});

describe('filtering', () => {
  test('no filter keeps the same array', () => {
    assert.equal(filterVmRows(rows, NO_VM_FILTERS), rows);
  });

  test('by a part of the name, ignoring case', () => {
    assert.deepEqual(names(filterVmRows(rows, { ...NO_VM_FILTERS, name: ' WEB ' })), [
      'web-10',
      'web-9',
    ]);
    const [upper] = toVmRows([{ id: 'vm-9', name: 'DC0_H0_VM0' }]);
    assert.equal(upper?.searchName, 'dc0_h0_vm0');
    assert.deepEqual(names(filterVmRows([upper!], { ...NO_VM_FILTERS, name: 'h0_vm' })), [
      'DC0_H0_VM0',
    ]);
  });

  test('keeps the order of sorted rows, so that a keystroke need not sort again', () => {
    const sorted = sortVmRows(rows, { column: 'name', direction: 'desc' });
    assert.deepEqual(names(filterVmRows(sorted, { ...NO_VM_FILTERS, name: 'web' })), [
      'web-10',
      'web-9',
    ]);
  });

  test('by power states, any of them', () => {
    assert.deepEqual(names(filterVmRows(rows, { ...NO_VM_FILTERS, power: ['off', 'unknown'] })), [
      'web-9',
      'db',
    ]);
  });

  test('by concern category: VMs with at least one concern of a chosen category', () => {
    assert.deepEqual(names(filterVmRows(rows, { ...NO_VM_FILTERS, concern: ['Critical'] })), [
      'web-10',
    ]);
    assert.deepEqual(
      names(filterVmRows(rows, { ...NO_VM_FILTERS, concern: ['Critical', 'Information'] })),
      ['web-10', 'web-9'],
    );
  });

  test('filters combine', () => {
    assert.deepEqual(
      names(
        filterVmRows(rows, {
          ...NO_VM_FILTERS,
          name: 'web',
          power: ['on'],
          concern: ['Information'],
        }),
      ),
      [],
    );
  });
});

describe('sorting', () => {
  test('names in natural order, both ways', () => {
    assert.deepEqual(names(sortVmRows(rows, { column: 'name', direction: 'asc' })), [
      'db',
      'web-9',
      'web-10',
    ]);
    assert.deepEqual(names(sortVmRows(rows, { column: 'name', direction: 'desc' })), [
      'web-10',
      'web-9',
      'db',
    ]);
  });

  test('numbers by value, concerns by severity', () => {
    assert.deepEqual(names(sortVmRows(rows, { column: 'memory', direction: 'desc' })), [
      'db',
      'web-10',
      'web-9',
    ]);
    assert.deepEqual(names(sortVmRows(rows, { column: 'disks', direction: 'asc' })), [
      'db',
      'web-9',
      'web-10',
    ]);
    assert.deepEqual(names(sortVmRows(rows, { column: 'concerns', direction: 'desc' })), [
      'web-10',
      'web-9',
      'db',
    ]);
    assert.deepEqual(names(sortVmRows(rows, { column: 'power', direction: 'asc' })), [
      'web-10',
      'web-9',
      'db',
    ]);
  });

  test('does not reorder its input', () => {
    sortVmRows(rows, { column: 'name', direction: 'asc' });
    assert.deepEqual(names(rows), ['web-10', 'web-9', 'db']);
  });
});

describe('cells reused for another VM', () => {
  const [web10, web9] = rows;
  const twin = { ...web10!, id: 'vm-7', name: 'web-11' };

  test('keep what both VMs show alike', () => {
    for (const column of ['host', 'folder', 'cpus', 'memory', 'disks'] as const) {
      assert.equal(sameCellContent(web10!, twin, column), true, column);
    }
    assert.equal(sameCellContent(web10!, web9!, 'cpus'), false);
  });

  test('redraw names, power and concerns, which carry the VM in their test ids', () => {
    for (const column of ['name', 'power', 'concerns'] as const) {
      assert.equal(sameCellContent(web10!, twin, column), false, column);
      assert.equal(sameCellContent(web10!, web10!, column), true, column);
    }
  });
});

describe('paging', () => {
  const numbers = Array.from({ length: 120 }, (_, index) => index);

  test('slices one page', () => {
    assert.deepEqual(pageOfRows(numbers, 1, 50), numbers.slice(0, 50));
    assert.deepEqual(pageOfRows(numbers, 3, 50), numbers.slice(100, 120));
  });

  test('a page past the end, after filtering shrank the list, shows the last page', () => {
    assert.deepEqual(pageOfRows(numbers, 9, 50), numbers.slice(100, 120));
    assert.deepEqual(pageOfRows([], 2, 50), []);
    assert.equal(shownPageOf(9, 120, 50), 3);
    assert.equal(shownPageOf(2, 0, 50), 1);
    assert.equal(shownPageOf(2, 120, 50), 2);
  });
});

describe('formatting', () => {
  test('bytes and memory in binary units', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(120 * GiB), '120 GiB');
    assert.equal(formatMemory(512), '512 MiB');
    assert.equal(formatMemory(8192), '8 GiB');
  });
});

describe('at 5,000 VMs', () => {
  // How fast is measured by `npm run bench`, not here: this checks the results at that size.
  test('rows, a sort and a filter give the right first row', () => {
    const many: InventoryVm[] = Array.from({ length: 5000 }, (_, index) => ({
      ...vms[index % 3]!,
      id: `vm-${index}`,
      name: `vm-${index}`,
    }));
    const sorted = sortVmRows(toVmRows(many, hosts, folders), {
      column: 'name',
      direction: 'desc',
    });
    const filtered = filterVmRows(sorted, { ...NO_VM_FILTERS, name: '1' });
    assert.equal(filtered.length, many.filter((vm) => vm.name.includes('1')).length);
    assert.equal(filtered[0]?.name, 'vm-4991');
  });
});
