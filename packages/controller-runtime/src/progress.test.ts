import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProgressOnly } from './progress.ts';

const dataVolume = (progress: string, extra: { phase?: string; generation?: number } = {}) => ({
  metadata: {
    name: 'disk-0',
    namespace: 'target',
    generation: extra.generation ?? 1,
    resourceVersion: progress,
  },
  status: { phase: extra.phase ?? 'ImportInProgress', progress, restartCount: 0 },
});

test('a tick of the copy’s progress is progress only', () => {
  assert.equal(
    isProgressOnly({
      type: 'updated',
      previous: dataVolume('12.50%'),
      object: dataVolume('17.25%'),
    }),
    true,
  );
});

test('a new phase, spec, deletion or label with the tick, a new or deleted object, or an unchanged progress is not', () => {
  const running = dataVolume('99.90%');
  const changed = [
    dataVolume('100.0%', { phase: 'Succeeded' }),
    dataVolume('99.95%', { generation: 2 }),
    {
      ...dataVolume('99.95%'),
      metadata: { ...dataVolume('99.95%').metadata, deletionTimestamp: 'now' },
    },
    { ...dataVolume('99.95%'), metadata: { ...dataVolume('99.95%').metadata, labels: { a: 'b' } } },
    { ...dataVolume('99.90%'), status: { ...running.status, restartCount: 1 } },
  ];
  for (const object of changed) {
    assert.equal(isProgressOnly({ type: 'updated', previous: running, object }), false);
  }
  assert.equal(isProgressOnly({ type: 'added', object: running }), false);
  assert.equal(isProgressOnly({ type: 'deleted', object: running }), false);
  assert.equal(isProgressOnly({ type: 'updated', object: running }), false);
});
