import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isPlanRunning,
  planBlockingReasons,
  planMigrationStatus,
  type PlanMigrationStatusInput,
} from './plan-status.ts';

const condition = (type: string, category = 'Advisory', status = 'True') => ({
  type,
  category,
  status,
});

const plan = (
  conditions: (ReturnType<typeof condition> & { message?: string })[],
  extra: { vms?: object[]; archived?: boolean; type?: string } = {},
): PlanMigrationStatusInput => ({
  spec: { archived: extra.archived, type: extra.type },
  status: { conditions, migration: { vms: extra.vms ?? [] } },
});

test('a plan’s status follows Forklift’s order: the first that holds wins', () => {
  const ready = condition('Ready', 'Required');
  assert.equal(planMigrationStatus(plan([ready], { archived: true })), 'Archived');
  assert.equal(planMigrationStatus(plan([condition('Archived')])), 'Archived');
  assert.equal(planMigrationStatus(plan([])), 'Unknown');
  assert.equal(planMigrationStatus({}), 'Unknown');
  assert.equal(
    planMigrationStatus(plan([condition('Succeeded'), condition('Failed')])),
    'Completed',
  );
  assert.equal(planMigrationStatus(plan([condition('Canceled'), condition('Failed')])), 'Canceled');
  assert.equal(
    planMigrationStatus(
      plan([condition('Executing')], { type: 'warm', vms: [{ phase: 'CopyingPaused' }] }),
    ),
    'Paused',
  );
  // A cold plan never pauses: a VM in that phase is simply running.
  assert.equal(
    planMigrationStatus(
      plan([condition('Executing')], { vms: [{ phase: 'CopyingPaused', started: 't' }] }),
    ),
    'Executing',
  );
  assert.equal(
    planMigrationStatus(plan([condition('VMCriticalConcerns', 'Critical'), ready])),
    'CannotStart',
  );
  assert.equal(planMigrationStatus(plan([condition('SomeError', 'Error')])), 'CannotStart');
  // A Critical condition that is not True blocks nothing.
  assert.equal(
    planMigrationStatus(plan([condition('VMNotFound', 'Critical', 'False'), ready])),
    'Ready',
  );
  assert.equal(planMigrationStatus(plan([condition('Failed'), ready])), 'Incomplete');
  assert.equal(
    planMigrationStatus(
      plan([condition('Executing')], { vms: [{ error: { reasons: ['disk'] } }] }),
    ),
    'Incomplete',
  );
  assert.equal(planMigrationStatus(plan([condition('Executing')], { vms: [{}] })), 'Pending');
  assert.equal(
    planMigrationStatus(plan([condition('Executing')], { vms: [{ started: 't' }] })),
    'Executing',
  );
  assert.equal(planMigrationStatus(plan([ready])), 'Ready');
  assert.equal(planMigrationStatus(plan([condition('ValidatingVDDK')])), 'Validating');
  assert.equal(planMigrationStatus(plan([condition('SourceProviderNotReady', 'Warn')])), 'Unknown');
});

test('running, pending and paused plans count as running', () => {
  assert.deepEqual(
    (['Executing', 'Pending', 'Paused', 'Ready', 'Archived', 'Incomplete'] as const).map(
      isPlanRunning,
    ),
    [true, true, true, false, false, false],
  );
});

test('a plan that cannot start tells why: its Critical and Error conditions, in order', () => {
  const blocked = plan([
    { ...condition('VMNetworksNotMapped', 'Critical'), message: 'Networks are not mapped.' },
    condition('Ready', 'Required'),
    condition('SourceProviderNotReady', 'Error'),
    condition('HostNotReady', 'Critical', 'False'),
  ]);
  assert.equal(planMigrationStatus(blocked), 'CannotStart');
  assert.deepEqual(planBlockingReasons(blocked), [
    'Networks are not mapped.',
    'SourceProviderNotReady',
  ]);
  assert.deepEqual(planBlockingReasons(plan([condition('Ready', 'Required')])), []);
});
