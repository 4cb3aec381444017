import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { criticalConcerns, planConcerns } from './plan-concerns.ts';

const condition = (type: string, category: string, extra: object = {}) => ({
  type,
  category,
  status: 'True',
  lastTransitionTime: '2026-01-01T00:00:00Z',
  ...extra,
});

const plan = (conditions: object[]): Plan =>
  ({
    spec: {
      vms: [{ id: 'vm-1', name: 'web-1' }, { id: 'vm-2' }],
    },
    status: { conditions },
  }) as unknown as Plan;

describe('plan concerns', () => {
  test('a blocking condition names its VMs by name, from the spec or the inventory', () => {
    const concerns = planConcerns(
      plan([
        condition('Ready', 'Required'),
        condition('VMNetworksNotMapped', 'Critical', {
          message: 'VM has unmapped networks.',
          items: ['vm-1', 'vm-2'],
        }),
      ]),
      [{ id: 'vm-2', name: 'db-1' }],
    );
    assert.deepEqual(concerns, [
      {
        severity: 'Critical',
        type: 'VMNetworksNotMapped',
        message: 'VM has unmapped networks.',
        resources: ['web-1', 'db-1'],
        source: 'plan',
      },
    ]);
  });

  test('critical inventory concerns of the plan VMs count, those of other VMs do not', () => {
    const concerns = planConcerns(plan([condition('TargetNameNotValid', 'Warn')]), [
      {
        id: 'vm-1',
        name: 'web-1',
        concerns: [{ label: 'Unsupported disk', category: 'Critical', assessment: 'RDM' }],
      },
      { id: 'vm-9', name: 'other', concerns: [{ label: 'x', category: 'Critical' }] },
    ]);
    assert.deepEqual(
      concerns.map((c) => [c.severity, c.type, c.resources]),
      [
        ['Critical', 'Unsupported disk', ['web-1']],
        ['Warn', 'TargetNameNotValid', []],
      ],
    );
    assert.equal(criticalConcerns(concerns).length, 1);
  });

  test('conditions that no longer hold are not concerns', () => {
    assert.deepEqual(
      planConcerns(plan([condition('VMNotFound', 'Critical', { status: 'False' })]), []),
      [],
    );
  });
});
