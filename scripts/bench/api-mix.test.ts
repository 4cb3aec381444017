import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mixedPath, requestKind } from './api-mix.ts';

const base = '/api/v1/inventory/providers/vsphere/uid-1';
const vmIds = Array.from({ length: 1050 }, (_, index) => `vm-${index}`);

test("each client's requests are 40% one VM, 40% pages, 10% hosts, 10% the provider", () => {
  const kinds = new Map<string, number>();
  for (let sequence = 0; sequence < 1000; sequence += 1) {
    const kind = requestKind(base, mixedPath(base, vmIds, 3, sequence)) ?? 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(kinds), {
    'one VM': 400,
    'page of VMs': 400,
    hosts: 100,
    provider: 100,
  });
});

test('pages stay inside the list, including the last, partial one', () => {
  const offsets = new Set<number>();
  for (let client = 0; client < 50; client += 1) {
    for (let sequence = 4; sequence < 2000; sequence += 10) {
      const offset = Number(/offset=(\d+)/.exec(mixedPath(base, vmIds, client, sequence))![1]);
      assert.ok(offset % 100 === 0 && offset < vmIds.length, `offset ${offset}`);
      offsets.add(offset);
    }
  }
  assert.equal(offsets.size, 11, 'every page of 1,050 VMs is asked for');
});

test('clients ask for different VMs', () => {
  const first = new Set(
    Array.from({ length: 50 }, (_, client) => mixedPath(base, vmIds, client, 0)),
  );
  assert.ok(first.size > 45);
  assert.ok([...first].every((path) => /\/vms\/vm-\d+$/.test(path)));
});

test('paths outside the provider are of no kind', () => {
  assert.equal(requestKind(base, '/bench/ok'), undefined);
  assert.equal(requestKind(base, `${base}/folders`), undefined);
  assert.equal(requestKind(base, `${base}-2/vms/vm-1`), undefined);
});
