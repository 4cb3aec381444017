import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Host, Provider } from '@forklift-console/api';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import type { ResolvedSecret } from '../secrets.ts';
import { checkHost, type InventoryHost } from './validation.ts';

/** An inventory holding just these hosts, in the shape the vSphere inventory serves them. */
const inventoryOf = (hosts: InventoryHost[], parity = true): ProviderInventory => ({
  type: 'vsphere',
  hasParity: () => parity,
  waitForParity: async () => parity,
  lastError: () => undefined,
  collections: () => ['hosts'],
  list: (collection) =>
    collection === 'hosts' ? hosts.map(({ id, name, path }) => ({ id, name, path })) : undefined,
  get: (collection, id) =>
    collection === 'hosts' ? hosts.find((host) => host.id === id) : undefined,
  tree: () => undefined,
  summary: () => ({}),
  subscribe: () => () => {},
  stop: async () => {},
});

const esxi: InventoryHost = {
  id: 'host-21',
  name: 'esxi-1.example.com',
  path: '/DC0/host/C0/esxi-1.example.com',
  status: 'green',
  inMaintenance: false,
  networkAdapters: [
    { name: 'Management Network', ipAddress: '10.0.0.21' },
    { name: 'vMotion', ipAddress: '10.1.0.21' },
  ],
};

const readyProvider: Provider = {
  metadata: { name: 'vc', namespace: 'ns', uid: 'uid-1' },
  spec: { type: 'vsphere', url: 'https://vc/sdk', secret: { name: 'vc' } },
  status: {
    phase: 'Ready',
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        category: 'Required',
        lastTransitionTime: '2026-01-01T00:00:00Z',
      },
    ],
  },
};

const goodSecret: ResolvedSecret = {
  state: 'found',
  namespace: 'ns',
  name: 'esxi',
  resourceVersion: '3',
  data: { user: 'root', password: 'secret' },
};

const hostCr = (spec: Partial<NonNullable<Host['spec']>>): Host => ({
  metadata: { name: 'h', namespace: 'ns' },
  spec: { provider: { name: 'vc' }, secret: { name: 'esxi' }, ipAddress: '10.0.0.21', ...spec },
});

const check = (
  spec: Partial<NonNullable<Host['spec']>>,
  overrides: Partial<Parameters<typeof checkHost>[0]> = {},
) =>
  checkHost({
    host: hostCr(spec),
    providerName: 'ns/vc',
    provider: readyProvider,
    inventory: inventoryOf([esxi]),
    secret: goodSecret,
    ...overrides,
  });

const summary = (checks: ReturnType<typeof checkHost>) =>
  checks.conditions.map(({ type, reason }) => `${type}/${reason}`);

test('a host of the inventory, with the address of any of its VMkernel adapters, is valid', () => {
  assert.deepEqual(check({ id: 'host-21' }), { conditions: [], waitingForProvider: false });
  assert.deepEqual(summary(check({ id: 'host-21', ipAddress: '10.1.0.21' })), []);
});

test('a host is found by name or path when it has no id', () => {
  assert.deepEqual(summary(check({ name: 'esxi-1.example.com' })), []);
  assert.deepEqual(summary(check({ name: '/DC0/host/C0/esxi-1.example.com' })), []);
  assert.deepEqual(summary(check({ name: 'esxi-9' })), ['RefNotValid/NotFound']);
  assert.deepEqual(summary(check({})), ['RefNotValid/NotSet']);
  const twins = inventoryOf([
    esxi,
    { ...esxi, id: 'host-22', path: '/DC1/host/esxi-1.example.com' },
  ]);
  assert.deepEqual(summary(check({ name: 'esxi-1.example.com' }, { inventory: twins })), [
    'RefNotValid/Ambiguous',
  ]);
});

test('an unknown id is RefNotValid, but only once the inventory is loaded', () => {
  assert.deepEqual(summary(check({ id: 'host-99' })), ['RefNotValid/NotFound']);
  const loading = check({ id: 'host-99' }, { inventory: inventoryOf([], false) });
  assert.deepEqual(summary(loading), ['ProviderNotReady/InventoryNotReady']);
  assert.equal(loading.waitingForProvider, true);
  assert.equal(
    check({ id: 'host-99' }, { inventory: undefined }).conditions[0]!.reason,
    'InventoryNotReady',
  );
});

test('an address that is not the host’s is IpNotValid and lists the right ones', () => {
  const checks = check({ id: 'host-21', ipAddress: '192.0.2.1' });
  assert.deepEqual(summary(checks), ['IpNotValid/NotValid']);
  assert.equal(
    checks.conditions[0]!.message,
    '192.0.2.1 is not an address of a VMkernel adapter of host esxi-1.example.com (10.0.0.21, 10.1.0.21).',
  );
  assert.deepEqual(checks.conditions[0]!.items, ['10.0.0.21', '10.1.0.21']);
  assert.deepEqual(summary(check({ id: 'host-21', ipAddress: '' })), ['IpNotValid/NotSet']);
});

test('maintenance mode blocks; a yellow host warns, a red one blocks', () => {
  const inventory = (changes: Partial<InventoryHost>) => inventoryOf([{ ...esxi, ...changes }]);
  assert.deepEqual(
    summary(check({ id: 'host-21' }, { inventory: inventory({ inMaintenance: true }) })),
    ['InMaintenance/InMaintenanceMode'],
  );
  const yellow = check({ id: 'host-21' }, { inventory: inventory({ status: 'yellow' }) });
  assert.deepEqual(summary(yellow), ['HostStatusNotGreen/yellow']);
  assert.equal(yellow.conditions[0]!.category, 'Warn');
  assert.deepEqual(summary(check({ id: 'host-21' }, { inventory: inventory({ status: 'red' }) })), [
    'NotHealthy/Red',
  ]);
});

test('the provider must be named, exist, be vSphere and be Ready', () => {
  assert.deepEqual(summary(check({ id: 'host-21' }, { providerName: '' })), [
    'ProviderNotValid/NotSet',
  ]);
  assert.deepEqual(summary(check({ id: 'host-21' }, { provider: undefined })), [
    'ProviderNotValid/NotFound',
  ]);
  const openshift: Provider = { ...readyProvider, spec: { type: 'openshift', secret: {} } };
  assert.deepEqual(summary(check({ id: 'host-21' }, { provider: openshift })), [
    'TypeNotValid/NotSupported',
  ]);
  const notReady = check({ id: 'host-21' }, { provider: { ...readyProvider, status: {} } });
  assert.deepEqual(summary(notReady), ['ProviderNotReady/NotReady']);
  assert.equal(notReady.waitingForProvider, true);
});

test('the Secret must exist and hold user and password, whatever else is wrong', () => {
  assert.deepEqual(summary(check({ id: 'host-21' }, { secret: { state: 'unset' } })), [
    'SecretNotValid/NotSet',
  ]);
  assert.deepEqual(
    summary(
      check({ id: 'host-99' }, { secret: { state: 'missing', namespace: 'ns', name: 'esxi' } }),
    ),
    ['SecretNotValid/NotFound', 'RefNotValid/NotFound'],
  );
  const noPassword = check(
    { id: 'host-21' },
    { secret: { ...goodSecret, data: { user: 'root' } } },
  );
  assert.deepEqual(summary(noPassword), ['SecretNotValid/DataErr']);
});
