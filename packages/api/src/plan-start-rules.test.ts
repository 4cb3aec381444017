import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Migration, Plan } from './generated/crd-types.ts';
import { activeMigration, planStartVerdict, PLAN_START_MESSAGES } from './plan-start-rules.ts';

const at = '2026-12-03T10:00:00Z';
const condition = (type: string, category = 'Advisory') => ({
  type,
  category,
  status: 'True',
  lastTransitionTime: at,
});

const plan = (conditions: ReturnType<typeof condition>[], archived = false): Plan => ({
  metadata: { name: 'plan-1', namespace: 'demo', uid: 'plan-uid' },
  spec: {
    archived,
    provider: { source: { name: 's' }, destination: { name: 'd' } },
    targetNamespace: 'demo',
    map: { network: { name: 'n' }, storage: { name: 's' } },
    vms: [{ id: 'vm-1' }],
  },
  status: { conditions },
});

const migration = (name: string, created: string, status?: Migration['status']): Migration => ({
  metadata: { name, namespace: 'demo', creationTimestamp: created },
  spec: { plan: { name: 'plan-1', namespace: 'demo', uid: 'plan-uid' } },
  ...(status ? { status } : {}),
});

const ready = condition('Ready', 'Required');

test('a Ready plan with no migration starts; one that failed or was canceled restarts', () => {
  assert.deepEqual(planStartVerdict(plan([ready]), []), { allowed: true, action: 'start' });
  assert.deepEqual(planStartVerdict(plan([ready, condition('Failed')]), []), {
    allowed: true,
    action: 'restart',
  });
  assert.deepEqual(planStartVerdict(plan([ready, condition('Canceled')]), []), {
    allowed: true,
    action: 'restart',
  });
});

test('each refusal names why, in Forklift’s order', () => {
  const verdict = (p: Plan, migrations: Migration[] = []) => {
    const result = planStartVerdict(p, migrations);
    return result.allowed ? result.action : result.block;
  };
  assert.equal(verdict(plan([ready], true)), 'archived');
  assert.equal(verdict(plan([ready, condition('Succeeded')])), 'completed');
  assert.equal(verdict(plan([ready, condition('Executing')])), 'running');
  assert.equal(verdict(plan([ready]), [migration('m-1', at)]), 'running');
  assert.equal(verdict(plan([ready, condition('VMNotFound', 'Critical')])), 'notReady');
  assert.equal(verdict(plan([])), 'notReady');
  const refused = planStartVerdict(plan([]), []);
  assert.equal(refused.allowed ? '' : refused.message, PLAN_START_MESSAGES.notReady);
});

test('a finished Migration does not hold the plan; the newest unfinished one is active', () => {
  const finished = migration('m-old', '2026-12-01T00:00:00Z', {
    completed: at,
    conditions: [condition('Failed')],
  });
  assert.equal(planStartVerdict(plan([ready, condition('Failed')]), [finished]).allowed, true);
  const other = { ...migration('m-other', at), spec: { plan: { name: 'plan-2', uid: 'other' } } };
  const pending = migration('m-new', '2026-12-02T00:00:00Z');
  assert.equal(activeMigration(plan([]), [finished, other, pending])?.metadata?.name, 'm-new');
  assert.equal(activeMigration(plan([]), [finished, other]), undefined);
});
