import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printableStatus } from './printable-status.ts';
import type {
  KubevirtCondition,
  VirtualMachine,
  VirtualMachineInstance,
  VmiPhase,
} from './types.ts';

const now = new Date('2026-12-03T14:00:00Z');
const vm = (extra: Partial<VirtualMachine> = {}): VirtualMachine => ({
  metadata: { name: 'web' },
  spec: { runStrategy: 'Always' },
  ...extra,
});
const vmi = (phase: VmiPhase, conditions: KubevirtCondition[] = []): VirtualMachineInstance => ({
  metadata: { name: 'web' },
  spec: { domain: {} },
  status: { phase, conditions },
});

test('no VMI, or a finished one, is Stopped; a running one Running', () => {
  assert.equal(printableStatus(vm(), undefined, now), 'Stopped');
  assert.equal(printableStatus(vm(), vmi('Succeeded'), now), 'Stopped');
  assert.equal(printableStatus(vm(), vmi('Running'), now), 'Running');
  assert.equal(printableStatus(vm(), vmi('Scheduled'), now), 'Starting');
});

test('deletions win: a deleted VM is Terminating, a deleted VMI Stopping', () => {
  const deleting = { deletionTimestamp: new Date(now) };
  assert.equal(
    printableStatus(vm({ metadata: { name: 'web', ...deleting } }), vmi('Running'), now),
    'Terminating',
  );
  const stopping = vmi('Running');
  stopping.metadata = { ...stopping.metadata, ...deleting };
  assert.equal(printableStatus(vm(), stopping, now), 'Stopping');
});

test('volumes that are not there name the wait as KubeVirt does', () => {
  const waiting = (reason: string) =>
    printableStatus(vm(), vmi('Pending', [{ type: 'Synchronized', status: 'False', reason }]), now);
  assert.equal(waiting('FailedPvcNotFound'), 'ErrorPvcNotFound');
  assert.equal(waiting('PvcNotBound'), 'WaitingForVolumeBinding');
  assert.equal(waiting('DataVolumeNotReady'), 'Provisioning');
  assert.equal(waiting('DataVolumeFailed'), 'DataVolumeError');
  assert.equal(waiting('FailedDataVolumeNotFound'), 'ErrorDataVolumeNotFound');
  assert.equal(waiting('ErrImagePull'), 'ErrImagePull');
});

test('an unschedulable launcher pod is ErrorUnschedulable', () => {
  const blocked = vmi('Scheduling', [
    { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no qemu' },
  ]);
  assert.equal(printableStatus(vm(), blocked, now), 'ErrorUnschedulable');
});

test('a VM waiting out a start-failure backoff is CrashLoopBackOff until the retry time', () => {
  const backingOff = vm({
    status: {
      startFailure: { consecutiveFailCount: 2, retryAfterTimestamp: '2026-12-03T14:00:20Z' },
    },
  });
  assert.equal(printableStatus(backingOff, undefined, now), 'CrashLoopBackOff');
  assert.equal(printableStatus(backingOff, undefined, new Date('2026-12-03T14:00:21Z')), 'Stopped');
});
