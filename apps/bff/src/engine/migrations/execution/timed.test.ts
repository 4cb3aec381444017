import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRunning, markCompleted, markReset, markStarted, type Timed } from './timed.ts';

const t0 = new Date('2026-12-03T10:00:00Z');
const t1 = new Date('2026-12-03T10:01:00Z');

test('marks fill only what is unset, so a replayed phase keeps the first times', () => {
  const timed: Timed = {};
  markStarted(timed, t0);
  markStarted(timed, t1);
  assert.deepEqual(timed, { started: t0.toISOString() });
  assert.ok(isRunning(timed));
  markCompleted(timed, t1);
  markCompleted(timed, t0);
  assert.deepEqual(timed, { started: t0.toISOString(), completed: t1.toISOString() });
  assert.equal(isRunning(timed), false);
});

test('starting again clears the completion; completing implies a start; reset clears both', () => {
  const timed: Timed = { started: t0.toISOString(), completed: t0.toISOString() };
  markStarted(timed, t1);
  assert.deepEqual(timed, { started: t0.toISOString() });
  const fresh: Timed = {};
  markCompleted(fresh, t1);
  assert.equal(fresh.started, t1.toISOString());
  markReset(fresh);
  assert.deepEqual(fresh, {});
});
