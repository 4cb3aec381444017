import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestStorageRows } from './suggest-storage-rows.ts';

const datastore = (id: string, name: string) => ({ key: id, label: name, ref: { id, name } });

test("every used datastore maps to the target's default storage class", () => {
  const rows = suggestStorageRows({
    usedStorages: [datastore('datastore-1', 'LocalDS_0'), datastore('datastore-2', 'LocalDS_1')],
    storageClasses: [
      { name: 'standard', isDefault: false },
      { name: 'fast', isDefault: true },
    ],
  });
  assert.deepEqual(
    rows.map((row) => [row.source?.label, row.storageClass]),
    [
      ['LocalDS_0', 'fast'],
      ['LocalDS_1', 'fast'],
    ],
  );
  assert.deepEqual(rows[0]?.suggestion, {
    reason: 'default-class',
    source: 'LocalDS_0',
    storageClass: 'fast',
  });
});

test('without a default storage class, the first one is suggested and said to be the first', () => {
  const [row] = suggestStorageRows({
    usedStorages: [datastore('datastore-1', 'LocalDS_0')],
    storageClasses: [
      { name: 'standard', isDefault: false },
      { name: 'fast', isDefault: false },
    ],
  });
  assert.equal(row?.storageClass, 'standard');
  assert.equal(row?.suggestion?.reason, 'first-class');
});

test('a target without storage classes leaves the rows for the user to complete', () => {
  const [row] = suggestStorageRows({
    usedStorages: [datastore('datastore-1', 'LocalDS_0')],
    storageClasses: [],
  });
  assert.equal(row?.storageClass, '');
  assert.equal(row?.suggestion, undefined);
});
