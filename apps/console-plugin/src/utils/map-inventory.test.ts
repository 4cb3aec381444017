import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canSuggestMappings,
  networksUsedByVms,
  openshiftNetworkOptions,
  optionsFromResources,
  storagesUsedByVms,
  targetStorageClasses,
  usedSourceOptions,
} from './map-inventory.ts';

const resource = (namespace: string, name: string, object?: Record<string, unknown>) => ({
  uid: `${namespace}-${name}`,
  version: '1',
  namespace,
  name,
  selfLink: '',
  id: `${namespace}-${name}`,
  ...(object ? { object } : {}),
});

test('vSphere and OVA resources become options referenced by id and name', () => {
  assert.deepEqual(optionsFromResources([{ id: 'network-7', name: 'VM Network' }]), [
    { key: 'network-7', label: 'VM Network', ref: { id: 'network-7', name: 'VM Network' } },
  ]);
});

test('an OpenShift source offers its pod network first, then its NADs by namespace/name', () => {
  const options = openshiftNetworkOptions([resource('demo', 'vm-bridge')]);
  assert.deepEqual(
    options.map((option) => option.ref),
    [{ type: 'pod' }, { namespace: 'demo', name: 'vm-bridge' }],
  );
});

test('the networks the VMs use, once each, in the order first met', () => {
  const vms = [
    { networks: [{ id: 'network-2' }, { id: 'network-1' }] },
    { networks: [{ id: 'network-1' }, { id: 'network-3' }] },
  ];
  assert.deepEqual(networksUsedByVms('vsphere', vms), ['network-2', 'network-1', 'network-3']);
  assert.deepEqual(
    networksUsedByVms('ova', [{ networks: [{ ID: 'VM Network' }] }, { networks: null }]),
    ['VM Network'],
  );
});

test('the datastores the VM disks are on; for OVA one storage per disk', () => {
  assert.deepEqual(
    storagesUsedByVms('vsphere', [
      { disks: [{ datastore: { id: 'datastore-1' } }, { datastore: { id: 'datastore-1' } }] },
      { disks: [{ datastore: { id: 'datastore-2' } }] },
    ]),
    ['datastore-1', 'datastore-2'],
  );
  assert.deepEqual(storagesUsedByVms('ova', [{ disks: [{ ID: 'disk-a' }, { ID: 'disk-b' }] }]), [
    'disk-a',
    'disk-b',
  ]);
});

test('the storage class annotated as the default is marked so', () => {
  const classes = targetStorageClasses([
    resource('', 'standard'),
    resource('', 'fast', {
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    }),
  ]);
  assert.deepEqual(classes, [
    { name: 'standard', isDefault: false },
    { name: 'fast', isDefault: true },
  ]);
});

const read = { isLoading: false, error: null };

test('Suggest mappings runs once both providers are chosen and usage and targets are read', () => {
  const ready = {
    hasProviders: true,
    usage: { ...read, isSupported: true },
    sources: read,
    targets: read,
  };
  assert.equal(canSuggestMappings(ready), true);
  assert.equal(canSuggestMappings({ ...ready, hasProviders: false }), false);
  assert.equal(canSuggestMappings({ ...ready, usage: { ...read, isSupported: false } }), false);
  assert.equal(canSuggestMappings({ ...ready, targets: { ...read, isLoading: true } }), false);
  assert.equal(
    canSuggestMappings({ ...ready, targets: { ...read, error: new Error('x') } }),
    false,
  );
  // Unlisted sources are named by their ids, so a failed source list does not stop it.
  assert.equal(canSuggestMappings({ ...ready, sources: { ...read, error: new Error('x') } }), true);
});

test('a used source the inventory does not list is named by its id', () => {
  const listed = { key: 'net-1', label: 'VM Network', ref: { id: 'net-1', name: 'VM Network' } };
  assert.deepEqual(usedSourceOptions(['net-1', 'net-9'], [listed]), [
    listed,
    { key: 'net-9', label: 'net-9', ref: { id: 'net-9' } },
  ]);
});
