import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkMap, Provider, StorageMap } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { resolveSourceRef, type InventoryItem } from './source-refs.ts';
import {
  checkMap,
  NETWORK_MAP,
  STORAGE_MAP,
  type ForkliftMap,
  type MapKind,
} from './validation.ts';

/** An inventory serving these collections at parity (or not), as ProviderInventory lists them. */
const inventoryOf = (
  type: string,
  collections: Record<string, InventoryItem[]>,
  parity = true,
): ProviderInventory => ({
  type,
  hasParity: () => parity,
  waitForParity: async () => parity,
  lastError: () => undefined,
  collections: () => Object.keys(collections),
  list: (collection) => collections[collection],
  get: (collection, id) => collections[collection]?.find((item) => item.id === id),
  tree: () => undefined,
  summary: () => ({}),
  subscribe: () => () => {},
  stop: async () => {},
});

const provider = (
  namespace: string,
  name: string,
  type: string,
  { ready = true, url }: { ready?: boolean; url?: string } = {},
): Provider => ({
  metadata: { namespace, name, uid: `uid-${name}` },
  spec: { type: type as NonNullable<Provider['spec']>['type'], url, secret: {} },
  status: ready
    ? {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            category: 'Required',
            lastTransitionTime: '2026-01-01T00:00:00Z',
          },
        ],
      }
    : { conditions: [] },
});

const vcsim = provider('demo', 'vcsim', 'vsphere');
const host = provider('openshift-mtv', 'host', 'openshift', { url: '' });

const vsphereInventory = inventoryOf('vsphere', {
  networks: [
    { id: 'network-6', name: 'VM Network', path: '/DC0/network/VM Network' },
    { id: 'dvportgroup-12', name: 'DC0_DVPG0', path: '/DC0/network/DC0_DVPG0' },
    { id: 'network-99', name: 'VM Network', path: '/DC1/network/VM Network' },
  ],
  datastores: [
    { id: 'datastore-49', name: 'LocalDS_0', path: '/DC0/datastore/LocalDS_0' },
    { id: 'datastore-50', name: 'LocalDS_1', path: '/DC0/datastore/LocalDS_1' },
  ],
});

const hostInventory = inventoryOf('openshift', {
  networkattachmentdefinitions: [
    { id: 'u1', name: 'vm-bridge', namespace: 'demo' },
    { id: 'u2', name: 'migration-net', namespace: 'demo' },
  ],
  storageclasses: [
    { id: 'u3', name: 'hostpath-csi', namespace: '' },
    { id: 'u4', name: 'nfs-csi', namespace: '' },
  ],
});

const providers = [vcsim, host];
const inventories: Record<string, ProviderInventory> = {
  'uid-vcsim': vsphereInventory,
  'uid-host': hostInventory,
};

const pair = {
  source: { name: 'vcsim', namespace: 'demo' },
  destination: { name: 'host', namespace: 'openshift-mtv' },
};

const networkMap = (
  map: NonNullable<NetworkMap['spec']>['map'],
  provider: NonNullable<NetworkMap['spec']>['provider'] = pair,
): NetworkMap => ({ metadata: { namespace: 'demo', name: 'net' }, spec: { provider, map } });

const storageMap = (
  map: NonNullable<StorageMap['spec']>['map'],
  provider: NonNullable<StorageMap['spec']>['provider'] = pair,
): StorageMap => ({ metadata: { namespace: 'demo', name: 'st' }, spec: { provider, map } });

const check = (
  kind: MapKind,
  map: ForkliftMap,
  {
    knownProviders = providers,
    knownInventories = inventories,
  }: { knownProviders?: Provider[]; knownInventories?: Record<string, ProviderInventory> } = {},
) =>
  checkMap({
    kind,
    map,
    findProvider: (namespace, name) =>
      knownProviders.find(
        (candidate) =>
          candidate.metadata?.namespace === namespace && candidate.metadata?.name === name,
      ),
    inventoryOf: (uid) => knownInventories[uid],
  });

const summary = (checks: ReturnType<typeof checkMap>) =>
  checks.conditions.map(({ type, reason, category }) => `${type}/${reason}/${category}`);

const pod = { type: 'pod' as const };

describe('provider pair', () => {
  test('a map naming no providers is not valid on both sides and not Ready', () => {
    const checks = check(NETWORK_MAP, networkMap([], { source: {}, destination: {} }));
    assert.deepEqual(summary(checks), [
      'SourceProviderNotValid/NotSet/Critical',
      'DestinationProviderNotValid/NotSet/Critical',
    ]);
    assert.equal(checks.ready, false);
  });

  test('a provider reference without a namespace means the map namespace', () => {
    const checks = check(
      NETWORK_MAP,
      networkMap([{ source: { id: 'network-6' }, destination: pod }], {
        source: { name: 'vcsim' },
        destination: { name: 'host' },
      }),
    );
    assert.deepEqual(summary(checks), ['DestinationProviderNotValid/NotFound/Critical']);
    assert.equal(
      checks.conditions[0]?.message,
      'The destination provider demo/host does not exist.',
    );
  });

  test('a destination that is not an openshift provider is TypeNotValid', () => {
    const checks = check(
      STORAGE_MAP,
      storageMap([], { source: pair.source, destination: { name: 'vcsim', namespace: 'demo' } }),
    );
    assert.deepEqual(summary(checks), ['DestinationProviderNotValid/TypeNotValid/Critical']);
    assert.match(
      checks.conditions[0]?.message ?? '',
      /is of type vsphere; it must be an openshift/,
    );
  });

  test('a provider without Ready makes the map wait with ProviderNotReady', () => {
    const checks = check(STORAGE_MAP, storageMap([]), {
      knownProviders: [provider('demo', 'vcsim', 'vsphere', { ready: false }), host],
    });
    assert.deepEqual(summary(checks), ['SourceProviderNotReady/NotReady/Critical']);
    assert.equal(checks.ready, false);
  });

  test('an inventory without parity is said as such and waited for, not called invalid', () => {
    const checks = check(
      STORAGE_MAP,
      storageMap([{ source: { name: 'Nowhere' }, destination: { storageClass: 'hostpath-csi' } }]),
      {
        knownInventories: {
          'uid-vcsim': inventoryOf('vsphere', { datastores: [] }, false),
          'uid-host': hostInventory,
        },
      },
    );
    assert.deepEqual(summary(checks), ['SourceProviderNotReady/InventoryNotReady/Critical']);
    assert.equal(checks.waitingForInventory, true);
    assert.equal(checks.ready, false);
  });

  test('a destination provider with no inventory at all waits for it', () => {
    const checks = check(STORAGE_MAP, storageMap([]), {
      knownInventories: { 'uid-vcsim': vsphereInventory },
    });
    assert.deepEqual(summary(checks), ['DestinationProviderNotReady/InventoryNotReady/Critical']);
    assert.equal(checks.waitingForInventory, true);
  });
});

describe('network map', () => {
  test('sources by id and by name with pod, multus and ignored destinations are Ready', () => {
    const checks = check(
      NETWORK_MAP,
      networkMap([
        { source: { id: 'network-6' }, destination: pod },
        {
          source: { name: 'DC0_DVPG0' },
          destination: { type: 'multus', namespace: 'demo', name: 'vm-bridge' },
        },
        { source: { name: '/DC1/network/VM Network' }, destination: { type: 'ignored' } },
      ]),
    );
    assert.deepEqual(summary(checks), []);
    assert.equal(checks.ready, true);
    assert.deepEqual(checks.references, [
      { id: 'network-6', name: 'VM Network' },
      { id: 'dvportgroup-12', name: 'DC0_DVPG0' },
      { id: 'network-99', name: 'VM Network' },
    ]);
  });

  test('a source the inventory lacks is a Warn naming it, and the map is not Ready', () => {
    const checks = check(
      NETWORK_MAP,
      networkMap([
        { source: { id: 'network-6' }, destination: pod },
        { source: { id: 'network-404' }, destination: pod },
        { source: { name: 'Gone' }, destination: pod },
      ]),
    );
    assert.deepEqual(summary(checks), ['SourceNetworkNotValid/NotFound/Warn']);
    assert.deepEqual(checks.conditions[0]?.items, ['network-404', 'Gone']);
    assert.equal(
      checks.conditions[0]?.message,
      'The inventory of provider demo/vcsim has no network network-404, Gone.',
    );
    assert.deepEqual(checks.references, [{ id: 'network-6', name: 'VM Network' }]);
    assert.equal(checks.ready, false);
  });

  test('an ambiguous name is Critical and wins the reason over not found', () => {
    const checks = check(
      NETWORK_MAP,
      networkMap([
        { source: { name: 'VM Network' }, destination: pod },
        { source: { id: 'network-404' }, destination: pod },
      ]),
    );
    assert.deepEqual(summary(checks), ['SourceNetworkNotValid/Ambiguous/Critical']);
    assert.deepEqual(checks.conditions[0]?.items, ['VM Network', 'network-404']);
    assert.match(
      checks.conditions[0]?.message ?? '',
      /More than one network .* VM Network; use the id\./,
    );
  });

  test('a source with neither id nor name is NotSet', () => {
    const checks = check(NETWORK_MAP, networkMap([{ source: {}, destination: pod }]));
    assert.deepEqual(summary(checks), ['SourceNetworkNotValid/NotSet/Critical']);
    assert.deepEqual(checks.conditions[0]?.items, ['map[0]']);
  });

  test('a multus destination that is missing or has no namespace is DestinationNetworkNotValid', () => {
    const missing = check(
      NETWORK_MAP,
      networkMap([
        {
          source: { id: 'network-6' },
          destination: { type: 'multus', namespace: 'demo', name: 'no-such-nad' },
        },
      ]),
    );
    assert.deepEqual(summary(missing), ['DestinationNetworkNotValid/NotFound/Critical']);
    assert.deepEqual(missing.conditions[0]?.items, ['demo/no-such-nad']);
    assert.equal(missing.ready, false);

    const noNamespace = check(
      NETWORK_MAP,
      networkMap([
        { source: { id: 'network-6' }, destination: { type: 'multus', name: 'vm-bridge' } },
      ]),
    );
    assert.deepEqual(summary(noNamespace), ['DestinationNetworkNotValid/NotSet/Critical']);
  });

  test('an OpenShift source resolves the pod network and namespace/name NADs', () => {
    const remote = provider('demo', 'remote', 'openshift', { url: 'https://remote:6443' });
    const checks = check(
      NETWORK_MAP,
      networkMap(
        [
          { source: { type: 'pod' }, destination: pod },
          { source: { name: 'demo/migration-net' }, destination: pod },
          { source: { name: 'vm-bridge', namespace: 'demo' }, destination: pod },
        ],
        { source: { name: 'remote' }, destination: pair.destination },
      ),
      {
        knownProviders: [remote, host],
        knownInventories: { 'uid-remote': hostInventory, 'uid-host': hostInventory },
      },
    );
    assert.deepEqual(summary(checks), []);
    assert.deepEqual(checks.references, [
      { type: 'pod' },
      { id: 'u2', name: 'migration-net', namespace: 'demo' },
      { id: 'u1', name: 'vm-bridge', namespace: 'demo' },
    ]);
  });
});

describe('storage map', () => {
  test('datastores mapped to existing storage classes are Ready, references once each', () => {
    const checks = check(
      STORAGE_MAP,
      storageMap([
        { source: { id: 'datastore-49' }, destination: { storageClass: 'hostpath-csi' } },
        { source: { name: 'LocalDS_0' }, destination: { storageClass: 'nfs-csi' } },
      ]),
    );
    assert.deepEqual(summary(checks), []);
    assert.deepEqual(checks.references, [{ id: 'datastore-49', name: 'LocalDS_0' }]);
    assert.equal(checks.ready, true);
  });

  test('a datastore that does not exist is SourceStorageNotValid Warn', () => {
    const checks = check(
      STORAGE_MAP,
      storageMap([
        { source: { name: 'LocalDS_9' }, destination: { storageClass: 'hostpath-csi' } },
      ]),
    );
    assert.deepEqual(summary(checks), ['SourceStorageNotValid/NotFound/Warn']);
    assert.equal(checks.ready, false);
  });

  test('a storage class the destination lacks, or none, is DestinationStorageNotValid', () => {
    const checks = check(
      STORAGE_MAP,
      storageMap([
        { source: { id: 'datastore-49' }, destination: { storageClass: 'gold' } },
        { source: { id: 'datastore-50' }, destination: { storageClass: '' } },
      ]),
    );
    assert.deepEqual(summary(checks), ['DestinationStorageNotValid/NotSet/Critical']);
    assert.deepEqual(checks.conditions[0]?.items, ['map[1]', 'gold']);
    assert.equal(
      checks.conditions[0]?.message,
      'Entries map[1] name no storage class. Provider openshift-mtv/host has no storage class gold.',
    );
  });

  test('an OVA source is checked against its storages', () => {
    const ova = provider('demo', 'ova', 'ova');
    const checks = check(
      STORAGE_MAP,
      storageMap(
        [{ source: { id: 'ova-storage-1' }, destination: { storageClass: 'hostpath-csi' } }],
        { source: { name: 'ova' }, destination: pair.destination },
      ),
      {
        knownProviders: [ova, host],
        knownInventories: {
          'uid-ova': inventoryOf('ova', { storages: [{ id: 'ova-storage-1', name: 'a.ova' }] }),
          'uid-host': hostInventory,
        },
      },
    );
    assert.deepEqual(summary(checks), []);
    assert.equal(checks.ready, true);
  });
});

test('a vSphere name with a path matches the inventory path only', () => {
  const items = [
    { id: 'a', name: 'x', path: '/DC0/network/x' },
    { id: 'b', name: 'x', path: '/DC1/network/x' },
  ];
  assert.deepEqual(resolveSourceRef({ name: '/DC1/network/x' }, items, 'vsphere'), {
    state: 'found',
    ref: { id: 'b', name: 'x' },
  });
  assert.deepEqual(resolveSourceRef({ name: 'x' }, items, 'vsphere'), { state: 'ambiguous' });
  assert.deepEqual(resolveSourceRef({ type: 'pod' }, items, 'vsphere'), { state: 'notSet' });
});
