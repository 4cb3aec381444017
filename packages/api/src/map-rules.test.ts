import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  offloadOptionsError,
  isNadReachable,
  ownerPlanBlock,
  ownerPlanName,
  secondPodNetworkRow,
} from './map-rules.ts';

const condition = (type: string, status = 'True') => ({
  type,
  status,
  category: 'Advisory',
  lastTransitionTime: '2026-01-01T00:00:00Z',
});

describe('ownerPlanBlock', () => {
  test('a plan that is ready or has failed leaves its maps editable', () => {
    assert.equal(ownerPlanBlock({ status: { conditions: [condition('Ready')] } }), undefined);
    assert.equal(ownerPlanBlock({ status: { conditions: [condition('Failed')] } }), undefined);
    assert.equal(ownerPlanBlock({}), undefined);
  });

  test('an archived plan blocks, whether the spec or the condition says so', () => {
    assert.equal(ownerPlanBlock({ spec: { archived: true } as never })?.reason, 'archived');
    assert.equal(
      ownerPlanBlock({ status: { conditions: [condition('Archived')] } })?.message,
      'Owning plan is archived',
    );
  });

  test('a running or completed plan blocks with its own reason', () => {
    assert.equal(
      ownerPlanBlock({ status: { conditions: [condition('Executing')] } })?.message,
      'Owning plan is currently migrating',
    );
    assert.equal(
      ownerPlanBlock({ status: { conditions: [condition('Succeeded')] } })?.message,
      'Owning plan has completed',
    );
    assert.equal(
      ownerPlanBlock({ status: { conditions: [condition('Executing', 'False')] } }),
      undefined,
    );
  });
});

test('ownerPlanName finds the Plan among the owners', () => {
  assert.equal(
    ownerPlanName({
      ownerReferences: [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '1' },
        { apiVersion: 'forklift.konveyor.io/v1beta1', kind: 'Plan', name: 'p1', uid: '2' },
      ],
    }),
    'p1',
  );
  assert.equal(ownerPlanName({}), undefined);
});

describe('offloadOptionsError', () => {
  const none = { secretRef: '', storageVendorProduct: '', dedicatedMigrationHosts: [] };

  test('no offload options at all, or all of them, is fine', () => {
    assert.equal(offloadOptionsError(none), undefined);
    assert.equal(
      offloadOptionsError({ ...none, secretRef: 's', storageVendorProduct: 'ontap' }),
      undefined,
    );
  });

  test('a partial configuration names what is missing', () => {
    assert.equal(
      offloadOptionsError({ ...none, secretRef: 's' }),
      'Storage product must be set when configuring offload options',
    );
    assert.equal(
      offloadOptionsError({ ...none, dedicatedMigrationHosts: ['host-1'] }),
      'Storage secret and Storage product must be set when configuring offload options',
    );
  });
});

test('secondPodNetworkRow points at the second row that targets the pod network', () => {
  assert.equal(secondPodNetworkRow([{ type: 'pod' }, { type: 'multus' }]), undefined);
  assert.equal(secondPodNetworkRow([{ type: 'ignored' }, { type: 'pod' }, { type: 'pod' }]), 2);
});

test('a NAD is reachable from its own namespace and from default only', () => {
  assert.equal(isNadReachable('team-a', 'team-a'), true);
  assert.equal(isNadReachable('default', 'team-a'), true);
  assert.equal(isNadReachable('team-b', 'team-a'), false);
});
