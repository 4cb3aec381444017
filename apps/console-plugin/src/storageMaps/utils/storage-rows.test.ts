import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyStorageRow,
  storageMapEntries,
  storageRowsFromEntries,
  storageRowsProblems,
} from './storage-rows.ts';

const source = {
  key: 'datastore-1',
  label: 'LocalDS_0',
  ref: { id: 'datastore-1', name: 'LocalDS_0' },
};

test('rows need at least one, each with a source and a storage class', () => {
  assert.equal(storageRowsProblems([]).noRows, true);
  const problems = storageRowsProblems([
    { ...emptyStorageRow('a'), source, storageClass: 'standard' },
    { ...emptyStorageRow('b'), source },
  ]);
  assert.deepEqual(problems.incompleteKeys, ['b']);
});

test('a partial offload configuration is an error on its row', () => {
  const problems = storageRowsProblems([
    {
      ...emptyStorageRow('a'),
      source,
      storageClass: 'standard',
      offload: { secretRef: 'creds', storageVendorProduct: '', dedicatedMigrationHosts: [] },
    },
  ]);
  assert.equal(
    problems.offloadErrors.a,
    'Storage product must be set when configuring offload options',
  );
});

test('rows become spec entries with their advanced options, and come back from them', () => {
  const rows = [
    {
      ...emptyStorageRow('a'),
      source,
      storageClass: 'standard',
      accessMode: 'ReadWriteMany' as const,
      volumeMode: 'Block' as const,
      offload: {
        secretRef: 'creds',
        storageVendorProduct: 'ontap',
        dedicatedMigrationHosts: ['host-1'],
      },
    },
    { ...emptyStorageRow('b'), source, storageClass: 'fast' },
  ];
  const entries = storageMapEntries(rows);
  assert.deepEqual(entries, [
    {
      source: source.ref,
      destination: { storageClass: 'standard', volumeMode: 'Block', accessMode: 'ReadWriteMany' },
      offloadPlugin: {
        vsphereXcopyConfig: {
          secretRef: 'creds',
          storageVendorProduct: 'ontap',
          dedicatedMigrationHosts: ['host-1'],
        },
      },
    },
    { source: source.ref, destination: { storageClass: 'fast' } },
  ]);
  const back = storageRowsFromEntries(entries, [source]);
  assert.deepEqual(
    back.map(({ key: _key, ...row }) => row),
    rows.map(({ key: _key, ...row }) => row),
  );
});
