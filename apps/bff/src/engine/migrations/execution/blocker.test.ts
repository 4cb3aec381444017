import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '../../conditions.ts';
import { blockerGraceMinutesOf, failOnBlocker } from './blocker.ts';
import type { MigrationStatusOfPlan } from './types.ts';

const ref = { name: 'x', namespace: 'ns', uid: 'u', generation: 1 };
const executing = (): MigrationStatusOfPlan => ({
  history: [
    {
      conditions: [
        {
          type: 'Executing',
          status: 'True',
          category: 'Advisory',
          lastTransitionTime: '2026-12-03T10:00:00Z',
        },
      ],
      plan: ref,
      migration: ref,
      provider: { source: ref, destination: ref },
      map: { network: ref, storage: ref },
    },
  ],
  vms: [
    {
      id: 'done',
      phase: 'Completed',
      pipeline: [],
      conditions: [
        { type: 'Succeeded', status: 'True', category: 'Advisory', lastTransitionTime: 'x' },
      ],
    },
    { id: 'copying', phase: 'CopyDisks', pipeline: [], started: '2026-12-03T10:00:00Z' },
  ],
});
const blocker: Condition = {
  type: 'SourceProviderNotReady',
  status: 'True',
  category: 'Critical',
  message: 'The source provider is not ready.',
  lastTransitionTime: '2026-12-03T10:00:00Z',
};

test('a blocker younger than the grace period fails nothing', () => {
  assert.equal(
    failOnBlocker(executing(), [blocker], new Date('2026-12-03T10:04:59Z'), 5),
    undefined,
  );
  assert.equal(failOnBlocker(executing(), [], new Date('2026-12-03T11:00:00Z'), 5), undefined);
});

test('after the grace period the run and every VM not yet done fail, naming the blocker', () => {
  const now = new Date('2026-12-03T10:05:00Z');
  const failed = failOnBlocker(executing(), [blocker], now, 5)!;
  const snapshot = failed.history![0]!;
  assert.deepEqual(
    snapshot.conditions?.map((c) => c.type),
    ['Failed'],
  );
  assert.equal(
    snapshot.conditions?.[0]?.message,
    'The migration has FAILED due to a validation blocker: The source provider is not ready.',
  );
  assert.equal(failed.vms?.[0]?.conditions?.length, 1, 'a succeeded VM stays succeeded');
  assert.equal(failed.vms?.[1]?.conditions?.[0]?.type, 'Failed');
  assert.equal(failed.vms?.[1]?.completed, now.toISOString());
  assert.equal(failed.completed, now.toISOString());
});

test('the grace period comes from the ForkliftController, 5 minutes by default', () => {
  assert.equal(blockerGraceMinutesOf({ controller_blocker_grace_period_minutes: 1 }), 1);
  assert.equal(blockerGraceMinutesOf(undefined), 5);
});
