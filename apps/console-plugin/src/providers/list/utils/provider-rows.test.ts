import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Provider } from '@forklift-console/api';
import { providerCounts, providerRows } from './provider-rows.ts';

const provider = (name: string, type: string, uid: string, extra: Partial<Provider> = {}) =>
  ({
    metadata: { name, namespace: 'demo', uid },
    spec: { type, secret: {} },
    ...extra,
  }) as Provider;

test('each type counts its own kind of storage', () => {
  assert.deepEqual(
    providerCounts('vsphere', {
      uid: 'a',
      vmCount: 12,
      networkCount: 3,
      hostCount: 2,
      datastoreCount: 4,
      storageCount: 99,
    }),
    { vms: 12, networks: 3, hosts: 2, storage: 4 },
  );
  assert.equal(providerCounts('ova', { uid: 'b', storageCount: 5 }).storage, 5);
  assert.equal(providerCounts('openshift', { uid: 'c', storageClassCount: 2 }).storage, 2);
  assert.equal(providerCounts('ovirt', { uid: 'd', storageDomainCount: 7 }).storage, 7);
});

test('counts are unknown until the inventory has them, and zero stays zero', () => {
  assert.deepEqual(providerCounts('vsphere', undefined), {
    vms: undefined,
    networks: undefined,
    hosts: undefined,
    storage: undefined,
  });
  assert.deepEqual(providerCounts('openshift', { uid: 'x', vmCount: 0, networkCount: 1 }), {
    vms: 0,
    networks: 1,
    hosts: undefined,
    storage: undefined,
  });
});

test('rows join the Provider resources with the inventory by uid', () => {
  const rows = providerRows(
    [
      provider('vcenter', 'vsphere', 'u1', {
        spec: { type: 'vsphere', url: 'https://vcenter/sdk', secret: {} },
        status: { phase: 'Ready' },
      }),
      provider('host', 'openshift', 'u2', {
        spec: { type: 'openshift', url: '', secret: {} },
        status: {
          phase: 'ConnectionFailed',
          conditions: [
            {
              type: 'ConnectionTestFailed',
              status: 'True',
              category: 'Critical',
              message: 'refused',
              lastTransitionTime: '2026-11-23T10:00:00Z',
            },
          ],
        },
      }),
    ],
    {
      vsphere: [{ uid: 'u1', vmCount: 40, hostCount: 2 }],
      openshift: [{ uid: 'other', vmCount: 1 }],
      ova: undefined,
    },
  );
  assert.deepEqual(rows[0], {
    uid: 'u1',
    name: 'vcenter',
    namespace: 'demo',
    type: 'vsphere',
    phase: 'Ready',
    failureMessage: undefined,
    url: 'https://vcenter/sdk',
    counts: { vms: 40, networks: undefined, hosts: 2, storage: undefined },
  });
  assert.equal(rows[1]?.url, undefined);
  assert.equal(rows[1]?.failureMessage, 'refused');
  assert.equal(rows[1]?.counts.vms, undefined);
});

test('without an inventory answer every count is unknown', () => {
  const [row] = providerRows([provider('p', 'ova', 'u3')], undefined);
  assert.equal(row?.phase, 'Unknown');
  assert.deepEqual(row?.counts, {
    vms: undefined,
    networks: undefined,
    hosts: undefined,
    storage: undefined,
  });
});
