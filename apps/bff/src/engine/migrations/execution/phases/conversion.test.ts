import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { lostToNode } from './conversion.ts';

const failed = (status: V1Pod['status']): V1Pod => ({ status: { phase: 'Failed', ...status } });

test('a pod that failed because its node went away is lost, not a failed conversion', () => {
  assert.equal(lostToNode(failed({ reason: 'NodeRestarted' })), true);
  assert.equal(lostToNode(failed({ reason: 'Terminated' })), true);
  assert.equal(
    lostToNode(failed({ conditions: [{ type: 'DisruptionTarget', status: 'True' }] })),
    true,
  );
});

test("a pod whose container failed is virt-v2v's verdict; a running pod is not lost", () => {
  assert.equal(lostToNode(failed({})), false);
  assert.equal(lostToNode(failed({ reason: 'DeadlineExceeded' })), false);
  assert.equal(lostToNode({ status: { phase: 'Running', reason: 'NodeRestarted' } }), false);
});
