import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan, Provider } from '@forklift-console/api';
import { planMigrationType, planRows } from './plan-rows.ts';

const plan = (name: string, spec: Partial<NonNullable<Plan['spec']>> = {}, status?: object) =>
  ({
    metadata: { name, namespace: 'demo', uid: `uid-${name}` },
    spec: {
      provider: { source: { name: 'vcsim' }, destination: { name: 'host' } },
      targetNamespace: 'target',
      map: { network: { name: 'n' }, storage: { name: 's' } },
      vms: [{ id: 'vm-1' }, { id: 'vm-2' }],
      ...spec,
    },
    ...(status ? { status } : {}),
  }) as Plan;

const vcsim = {
  metadata: { name: 'vcsim', namespace: 'demo' },
  spec: { type: 'vsphere' },
} as Provider;

test('a row joins the plan with its source provider type, read in the plan project', () => {
  const [row] = planRows([plan('p1', { description: 'Web tier' })], [vcsim]);
  assert.deepEqual(row?.sourceProvider, { name: 'vcsim', namespace: 'demo', type: 'vsphere' });
  assert.equal(row?.vmCount, 2);
  assert.equal(row?.targetNamespace, 'target');
  assert.equal(row?.status, 'Unknown');
  assert.equal(row?.isRunning, false);
  assert.match(row?.searchText ?? '', /web tier/);
});

test('a source provider that is not there has no type, and the row still shows', () => {
  const [row] = planRows([plan('p1')], []);
  assert.equal(row?.sourceProvider?.type, undefined);
});

test('a running plan is marked as such, with when its migration started', () => {
  const started = '2026-11-02T10:00:00Z';
  const [row] = planRows(
    [
      plan(
        'p1',
        {},
        {
          conditions: [{ type: 'Executing', status: 'True', category: 'Advisory' }],
          migration: { started, vms: [{ id: 'vm-1', started }] },
        },
      ),
    ],
    [],
  );
  assert.equal(row?.status, 'Executing');
  assert.equal(row?.isRunning, true);
  assert.equal(row?.started, started);
});

test('the migration type is spec.type, else warm from the older spec.warm, else cold', () => {
  assert.equal(planMigrationType(plan('a', { type: 'live' })), 'live');
  assert.equal(planMigrationType(plan('b', { warm: true })), 'warm');
  assert.equal(planMigrationType(plan('c')), 'cold');
});

test('a Ready plan offers Start until a Migration of it exists; a running one shows its percent and VMs', async () => {
  const { EXECUTING_PLAN_STATUS } = await import('@forklift-console/api/migration-fixtures');
  const ready = plan(
    'p1',
    {},
    {
      conditions: [{ type: 'Ready', status: 'True', category: 'Required', lastTransitionTime: '' }],
    },
  );
  const [idle] = planRows([ready], [vcsim]);
  assert.deepEqual(idle?.startVerdict, { allowed: true, action: 'start' });
  const migration = {
    metadata: { name: 'p1-abcde', namespace: 'demo' },
    spec: { plan: { name: 'p1', namespace: 'demo' } },
  };
  const [started] = planRows([ready], [vcsim], [migration]);
  assert.equal(started?.startVerdict.allowed, false);
  const [running] = planRows([plan('p2', {}, EXECUTING_PLAN_STATUS)], [vcsim]);
  assert.equal(running?.percent, 33);
  assert.deepEqual(running?.vmStates.Failed, ['db-01']);
  assert.equal(running?.startVerdict.allowed, false);
});
