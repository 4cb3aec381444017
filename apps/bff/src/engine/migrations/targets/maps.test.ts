import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkMap } from '@forklift-console/api';
import { contextOf, vsphereVm } from './context.test-support.ts';
import { destinationsFor, storageEntryFor } from './maps.ts';

const networkMap = (
  map: NonNullable<NetworkMap['spec']>['map'],
  references = [{ id: 'network-7', name: 'VM Network' }],
): NetworkMap => {
  const base = contextOf(vsphereVm()).networkMap;
  return { ...base, spec: { ...base.spec!, map }, status: { references } };
};

test('an entry that names its source by name or inventory path goes by the id the map controller resolved', () => {
  const byPath = networkMap([
    { source: { name: '/DC0/network/VM Network' }, destination: { type: 'pod' } },
  ]);
  assert.deepEqual(destinationsFor(byPath, ['network-7', 'network-8'], 'vsphere'), [
    { type: 'pod' },
    undefined,
  ]);
  const { storageMap } = contextOf(vsphereVm());
  assert.equal(
    storageEntryFor(storageMap, 'datastore-1', 'vsphere')?.destination.storageClass,
    'fast',
  );
  assert.equal(storageEntryFor(storageMap, 'datastore-9', 'vsphere'), undefined);
});

test('a lone multus entry is reused by every NIC on its network; a pod entry wins over multus ones', () => {
  const lone = networkMap([
    {
      source: { id: 'dvportgroup-9' },
      destination: { type: 'multus', namespace: 'demo', name: 'vlan-a' },
    },
  ]);
  assert.deepEqual(destinationsFor(lone, ['dvportgroup-9', 'dvportgroup-9'], 'vsphere'), [
    { type: 'multus', namespace: 'demo', name: 'vlan-a' },
    { type: 'multus', namespace: 'demo', name: 'vlan-a' },
  ]);
  const mixed = networkMap([
    {
      source: { id: 'dvportgroup-9' },
      destination: { type: 'multus', namespace: 'demo', name: 'vlan-a' },
    },
    { source: { id: 'dvportgroup-9' }, destination: { type: 'pod' } },
  ]);
  assert.deepEqual(destinationsFor(mixed, ['dvportgroup-9'], 'vsphere'), [{ type: 'pod' }]);
});
