import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubernetesObject } from '@kubernetes/client-node';
import { PROGRESS_WAKE_MS, wakeDelayFor } from './wake.ts';

const dataVolume = (phase: string, progress: string, generation = 1) =>
  ({
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: { name: 'disk-0', namespace: 'target', generation },
    status: { phase, progress },
  }) as KubernetesObject;

test('a DataVolume whose copy only moves on wakes its plan within a second, not at once', () => {
  const event = {
    type: 'updated' as const,
    previous: dataVolume('ImportInProgress', '12.50%'),
    object: dataVolume('ImportInProgress', '17.25%'),
  };
  assert.equal(wakeDelayFor(event), PROGRESS_WAKE_MS);
});

test('a finished copy, a new object, a deleted one or a new spec wake the plan at once', () => {
  const running = dataVolume('ImportInProgress', '99.90%');
  assert.equal(
    wakeDelayFor({ type: 'updated', previous: running, object: dataVolume('Succeeded', '100.0%') }),
    0,
  );
  assert.equal(wakeDelayFor({ type: 'added', object: running }), 0);
  assert.equal(wakeDelayFor({ type: 'deleted', object: running }), 0);
  assert.equal(
    wakeDelayFor({
      type: 'updated',
      previous: running,
      object: dataVolume('ImportInProgress', '99.95%', 2),
    }),
    0,
  );
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', resourceVersion: '2' } };
  assert.equal(
    wakeDelayFor({ type: 'updated', previous: { ...pod, metadata: { name: 'p' } }, object: pod }),
    0,
  );
});
