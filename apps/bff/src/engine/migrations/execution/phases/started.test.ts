import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import type { RunContext, VmContext } from '../context.ts';
import { resolveTargetName } from './started.ts';

/** A run whose cluster has VirtualMachines named `existing` in the target namespace. */
const runWith = (existing: string[], otherNames: string[] = []): RunContext =>
  ({
    plan: {
      spec: { targetNamespace: 'target', vms: [] },
      status: {
        migration: {
          vms: otherNames.map((name, i) => ({ id: `other-${i}`, name, phase: '', pipeline: [] })),
        },
      },
    } as unknown as Plan,
    cluster: {
      read: async (_kind: unknown, namespace: string, name: string) =>
        namespace === 'target' && existing.includes(name) ? { metadata: { name } } : undefined,
    },
  }) as unknown as RunContext;

const vmNamed = (name: string, targetName?: string): VmContext =>
  ({
    status: { id: 'vm-1', name, phase: 'Started', pipeline: [] },
    planVm: { id: 'vm-1', ...(targetName ? { targetName } : {}) },
    sourceVm: { name },
  }) as unknown as VmContext;

test('a DNS-1123 source name is kept as it is, with no new name', async () => {
  const vm = vmNamed('web-01');
  assert.equal(await resolveTargetName(runWith([]), vm), undefined);
  assert.equal(vm.status.newName, undefined);
});

test('a name Kubernetes refuses is adjusted, and made unique against existing VirtualMachines', async () => {
  const renamed = vmNamed('Web_Server 01');
  await resolveTargetName(runWith([]), renamed);
  assert.equal(renamed.status.newName, 'web-server-01');
  const clashing = vmNamed('Web_Server 01');
  await resolveTargetName(runWith(['web-server-01']), clashing);
  assert.match(clashing.status.newName ?? '', /^web-server-01-[a-z0-9]{4}$/);
  const inPlan = vmNamed('Web_Server 01');
  await resolveTargetName(runWith([], ['web-server-01']), inPlan);
  assert.match(inPlan.status.newName ?? '', /^web-server-01-[a-z0-9]{4}$/);
});

test('a chosen target name is never altered: a collision fails the VM', async () => {
  const chosen = vmNamed('Web', 'frontend');
  assert.equal(await resolveTargetName(runWith([]), chosen), undefined);
  assert.equal(chosen.status.newName, 'frontend');
  assert.equal(
    await resolveTargetName(runWith(['frontend']), vmNamed('Web', 'frontend')),
    "Target name 'frontend' is already used by a VirtualMachine in target.",
  );
});

test('VMs started side by side in one pass are never given the same adjusted name', async () => {
  const run = runWith([]);
  const first = vmNamed('Web_Server 01');
  const second = vmNamed('web server 01');
  second.status.id = 'vm-2';
  await Promise.all([resolveTargetName(run, first), resolveTargetName(run, second)]);
  assert.equal(first.status.newName, 'web-server-01');
  assert.match(second.status.newName ?? '', /^web-server-01-[a-z0-9]{4}$/);
});
