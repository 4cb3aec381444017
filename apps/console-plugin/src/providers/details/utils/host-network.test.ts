import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkAdapter } from '@forklift-console/api';
import {
  adapterLabel,
  hostChoices,
  hostResourceFor,
  hostResourceState,
  isSelectableHost,
  networkCidr,
  prefixLength,
  sharedNetworks,
  transferAdapter,
  type HostResource,
  type InventoryHost,
} from './host-network.ts';

const adapter = (
  name: string,
  ipAddress: string,
  extra: Partial<NetworkAdapter> = {},
): NetworkAdapter => ({
  name,
  ipAddress,
  subnetMask: '255.255.255.0',
  linkSpeed: 10000,
  mtu: 9000,
  ...extra,
});

const esx1: InventoryHost = {
  id: 'host-1',
  name: 'esx1',
  networkAdapters: [
    adapter('Migration', '10.0.1.11'),
    adapter('Management Network', '192.168.0.11', { linkSpeed: 1000, mtu: 1500 }),
  ],
};
const esx2: InventoryHost = {
  id: 'host-2',
  name: 'esx2',
  networkAdapters: [
    adapter('Management Network', '192.168.0.12', { linkSpeed: 1000, mtu: 1500 }),
    adapter('Migration', '10.0.1.12', { linkSpeed: 25000, mtu: 1500 }),
  ],
};
const esx3: InventoryHost = {
  id: 'host-3',
  name: 'esx3',
  networkAdapters: [adapter('Management Network', '192.168.0.13')],
};

const condition = (type: string, category: string, status = 'True', message = '') => ({
  type,
  category,
  status,
  message,
  lastTransitionTime: '2026-01-01T00:00:00Z',
});

const hostResource = (
  id: string,
  ipAddress: string,
  conditions: ReturnType<typeof condition>[] = [],
): HostResource => ({
  metadata: { name: `vcenter-${id}`, namespace: 'demo' },
  spec: { id, ipAddress, provider: { name: 'vcenter', namespace: 'demo' }, secret: {} },
  status: { conditions },
});

describe('subnet arithmetic', () => {
  test('prefix lengths of contiguous masks only', () => {
    assert.equal(prefixLength('255.255.255.0'), 24);
    assert.equal(prefixLength('255.255.240.0'), 20);
    assert.equal(prefixLength('255.255.255.255'), 32);
    assert.equal(prefixLength('0.0.0.0'), 0);
    assert.equal(prefixLength('255.0.255.0'), undefined);
    assert.equal(prefixLength(''), undefined);
  });

  test('the network of an address', () => {
    assert.equal(networkCidr('10.0.1.11', '255.255.255.0'), '10.0.1.0/24');
    assert.equal(networkCidr('172.16.5.200', '255.255.240.0'), '172.16.0.0/20');
    assert.equal(networkCidr('fe80::1', ''), undefined);
  });

  test('an adapter is labelled with its name and address', () => {
    assert.equal(adapterLabel(adapter('Migration', '10.0.1.11')), 'Migration - 10.0.1.11/24');
    assert.equal(adapterLabel(adapter('v6', 'fd00::5', { subnetMask: '' })), 'v6 - fd00::5');
  });
});

describe('a host and its Host CR', () => {
  const resources = [hostResource('host-1', '10.0.1.11')];
  const provider = { namespace: 'demo', name: 'vcenter' };

  test('the Host CR is the one for this provider and host', () => {
    assert.equal(hostResourceFor(resources, provider, 'host-1'), resources[0]);
    assert.equal(hostResourceFor(resources, provider, 'host-2'), undefined);
    assert.equal(hostResourceFor(resources, { ...provider, name: 'other' }, 'host-1'), undefined);
  });

  test('the transfer adapter holds the Host CR IP; without a CR, the default network', () => {
    assert.equal(transferAdapter(esx1, resources[0])?.name, 'Migration');
    assert.equal(transferAdapter(esx1, undefined), undefined);
    assert.equal(transferAdapter(esx3, resources[0]), undefined);
  });

  test('state: a critical condition wins, then Ready, else pending', () => {
    assert.deepEqual(hostResourceState(hostResource('h', 'x')), { state: 'pending' });
    assert.deepEqual(hostResourceState(hostResource('h', 'x', [condition('Ready', 'Required')])), {
      state: 'ready',
    });
    assert.deepEqual(
      hostResourceState(
        hostResource('h', 'x', [
          condition('Ready', 'Required', 'False'),
          condition('ConnectionTestFailed', 'Critical', 'True', 'Login failed.'),
        ]),
      ),
      { state: 'failed', message: 'Login failed.' },
    );
  });

  test('only hosts with adapters are selectable', () => {
    assert.equal(isSelectableHost(esx1), true);
    assert.equal(isSelectableHost({ id: 'h', name: 'h', networkAdapters: [] }), false);
    assert.equal(isSelectableHost({ id: 'h', name: 'h', networkAdapters: null }), false);
  });
});

describe('networks shared by the selected hosts', () => {
  test('every host must have an adapter of that name on that subnet', () => {
    const networks = sharedNetworks([esx1, esx2]);
    assert.deepEqual(
      networks.map(({ name, cidr }) => `${name} ${cidr}`),
      ['Migration 10.0.1.0/24', 'Management Network 192.168.0.0/24'],
    );
    assert.deepEqual(
      sharedNetworks([esx1, esx3]).map(({ name }) => name),
      ['Management Network'],
    );
    assert.deepEqual(sharedNetworks([]), []);
  });

  test('speed and MTU are the least any host offers', () => {
    const [migration] = sharedNetworks([esx1, esx2]);
    assert.equal(migration?.linkSpeed, 10000);
    assert.equal(migration?.mtu, 1500);
  });

  test('each host goes with its own address on the chosen network', () => {
    const [migration] = sharedNetworks([esx1, esx2]);
    assert.deepEqual(hostChoices([esx1, esx2], migration!), [
      { id: 'host-1', name: 'esx1', ipAddress: '10.0.1.11' },
      { id: 'host-2', name: 'esx2', ipAddress: '10.0.1.12' },
    ]);
  });
});
