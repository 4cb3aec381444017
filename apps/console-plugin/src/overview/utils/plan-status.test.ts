import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { planState, planStateCounts } from './plan-status.ts';

type Condition = { type: string; category?: string; status?: string };

const plan = (
  conditions: Condition[] | undefined,
  extra: { archived?: boolean; warm?: boolean; vms?: { phase: string; error?: boolean }[] } = {},
): Plan => ({
  metadata: { name: 'rack-a', namespace: 'demo' },
  spec: {
    provider: { source: { name: 'vsphere' }, destination: { name: 'host' } },
    map: { network: { name: 'net' }, storage: { name: 'storage' } },
    targetNamespace: 'demo',
    vms: [],
    ...(extra.archived ? { archived: true } : {}),
    ...(extra.warm ? { type: 'warm' as const } : {}),
  },
  status: {
    conditions: conditions?.map((condition) => ({
      category: 'Advisory',
      status: 'True',
      lastTransitionTime: '2026-11-23T12:00:00Z',
      ...condition,
    })),
    migration: {
      vms: extra.vms?.map((vm, index) => ({
        id: `vm-${index}`,
        phase: vm.phase,
        pipeline: [],
        ...(vm.error ? { error: { phase: vm.phase, reasons: ['disk copy failed'] } } : {}),
      })),
    },
  },
});

const ready = { type: 'Ready', category: 'Required' };
const executing = { type: 'Executing' };

test('a plan the controller has not reconciled yet is unknown', () => {
  assert.equal(planState(plan(undefined)), 'Unknown');
  assert.equal(planState(plan([])), 'Unknown');
  assert.equal(
    planState(plan([{ type: 'Ready', category: 'Required', status: 'False' }])),
    'Unknown',
  );
});

test('a ready plan, or one whose VDDK image is being validated, has not started', () => {
  assert.equal(planState(plan([ready])), 'NotStarted');
  assert.equal(planState(plan([{ type: 'ValidatingVDDK', category: 'Advisory' }])), 'NotStarted');
});

test('a Critical or Error condition means the plan cannot start; a warning does not', () => {
  assert.equal(planState(plan([{ type: 'VMNotFound', category: 'Critical' }])), 'CannotStart');
  assert.equal(planState(plan([{ type: 'SomeError', category: 'Error' }])), 'CannotStart');
  assert.equal(planState(plan([ready, { type: 'HostNotReady', category: 'Warn' }])), 'NotStarted');
  assert.equal(
    planState(plan([ready, { type: 'VMNotFound', category: 'Critical', status: 'False' }])),
    'NotStarted',
  );
});

test('an executing plan is running, unless it is warm and paused between precopies', () => {
  assert.equal(planState(plan([ready, executing], { vms: [{ phase: 'CopyDisks' }] })), 'Running');
  assert.equal(planState(plan([ready, executing])), 'Running');
  assert.equal(
    planState(plan([ready, executing], { warm: true, vms: [{ phase: 'CopyingPaused' }] })),
    'Paused',
  );
  assert.equal(
    planState(plan([ready, executing], { vms: [{ phase: 'CopyingPaused' }] })),
    'Running',
    'only warm migrations pause',
  );
});

test('a failed run, or a VM with an error in the current run, leaves the plan incomplete', () => {
  assert.equal(planState(plan([ready, { type: 'Failed' }])), 'Incomplete');
  assert.equal(
    planState(plan([ready, executing], { vms: [{ phase: 'CopyDisks', error: true }] })),
    'Incomplete',
  );
});

test('succeeded, canceled and archived plans are completed, canceled and archived', () => {
  assert.equal(planState(plan([ready, { type: 'Succeeded' }])), 'Completed');
  assert.equal(planState(plan([ready, { type: 'Canceled' }])), 'Canceled');
  assert.equal(planState(plan([{ type: 'Succeeded' }, { type: 'Archived' }])), 'Archived');
  assert.equal(planState(plan(undefined, { archived: true })), 'Archived');
});

test('a blocker outranks a failed run, but not a run that succeeded or was canceled', () => {
  const blocker = { type: 'SourceProviderNotReady', category: 'Critical' };
  assert.equal(planState(plan([blocker, { type: 'Succeeded' }])), 'Completed');
  assert.equal(planState(plan([blocker, { type: 'Canceled' }])), 'Canceled');
  assert.equal(planState(plan([blocker, { type: 'Failed' }])), 'CannotStart');
});

test('the counts hold every status, zero when no plan has it', () => {
  const counts = planStateCounts([plan([ready]), plan([ready]), plan([{ type: 'Succeeded' }])]);
  assert.equal(counts.NotStarted, 2);
  assert.equal(counts.Completed, 1);
  assert.equal(counts.Unknown, 0);
  assert.equal(Object.keys(counts).length, 9);
});
