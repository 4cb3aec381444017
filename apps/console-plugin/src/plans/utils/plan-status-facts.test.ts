import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { EXECUTING_PLAN_STATUS } from '@forklift-console/api/migration-fixtures';
import { planStatusFacts } from './plan-status-facts.ts';

const spec = {
  provider: { source: { name: 's' }, destination: { name: 'd' } },
  targetNamespace: 'demo',
  map: { network: { name: 'n' }, storage: { name: 's' } },
  vms: [],
};
const metadata = { name: 'p1', namespace: 'demo' };

test('a plan mid-run with a failed VM: Incomplete, its percent and its VMs by state, nothing blocking', () => {
  const facts = planStatusFacts({ metadata, spec, status: EXECUTING_PLAN_STATUS }, []);
  assert.equal(facts.status, 'Incomplete');
  assert.equal(facts.startVerdict.allowed, false);
  assert.ok(facts.percent > 0 && facts.percent < 100);
  assert.deepEqual(facts.vmStates.Failed, ['db-01']);
  assert.deepEqual(facts.cannotStartReasons, []);
  // The engine runs it (Executing): past starting, whatever its label.
  assert.equal(facts.isStarting, false);
});

test('a Migration the engine has not taken up yet makes a Ready plan Starting', () => {
  const ready: Plan = {
    metadata: { ...metadata, uid: 'plan-uid' },
    spec,
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          category: 'Required',
          lastTransitionTime: '2026-12-03T10:00:00Z',
        },
      ],
    },
  };
  assert.equal(planStatusFacts(ready, []).isStarting, false);
  const migration = {
    metadata: { name: 'p1-x', namespace: 'demo', creationTimestamp: '2026-12-03T10:01:00Z' },
    spec: { plan: { name: 'p1', namespace: 'demo', uid: 'plan-uid' } },
  };
  const facts = planStatusFacts(ready, [migration]);
  assert.equal(facts.status, 'Ready');
  assert.equal(facts.isStarting, true);
});

test('a plan that cannot start carries the reasons of its blocking conditions', () => {
  const plan: Plan = {
    metadata,
    spec,
    status: {
      conditions: [
        {
          type: 'VMNetworksNotMapped',
          status: 'True',
          category: 'Critical',
          message: 'Source network not mapped.',
          lastTransitionTime: '2026-12-03T10:00:00Z',
        },
      ],
    },
  };
  const facts = planStatusFacts(plan, []);
  assert.equal(facts.status, 'CannotStart');
  assert.deepEqual(facts.cannotStartReasons, ['Source network not mapped.']);
  assert.deepEqual(facts.startVerdict, {
    allowed: false,
    block: 'notReady',
    message: 'The plan is not Ready: resolve its critical conditions first',
  });
});
