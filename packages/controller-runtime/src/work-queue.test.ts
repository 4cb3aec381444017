import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkQueue, type ReconcileResult } from './work-queue.ts';

// The queue's timers and clock are mocked (t.mock.timers), so the tests move time on with tick()
// instead of waiting for it.
const fakeTimers = { apis: ['setTimeout', 'Date'] } as const;

/** Lets every promise callback queued so far run; setImmediate is not among the mocked timers. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A reconcile whose runs the test releases one by one. */
const controllableReconcile = () => {
  const calls: string[] = [];
  let active = 0;
  let maxActive = 0;
  const releases: ((result: ReconcileResult) => void)[] = [];
  return {
    calls,
    maxActive: () => maxActive,
    release: (result: ReconcileResult = {}) => releases.shift()!(result),
    pending: () => releases.length,
    reconcile: (key: string) => {
      calls.push(key);
      active += 1;
      maxActive = Math.max(maxActive, active);
      return new Promise<ReconcileResult>((resolve) =>
        releases.push((result) => {
          active -= 1;
          resolve(result);
        }),
      );
    },
  };
};

test('a key added while it runs runs once more afterwards, never twice at once', async () => {
  const work = controllableReconcile();
  const queue = createWorkQueue({ reconcile: work.reconcile, onError: assert.fail });
  queue.add('ns/a');
  queue.add('ns/a');
  queue.add('ns/a');
  assert.deepEqual(work.calls, ['ns/a']);
  work.release();
  await settle();
  assert.deepEqual(work.calls, ['ns/a', 'ns/a'], 'the three adds during the run fold into one');
  work.release();
  await queue.stop();
  assert.equal(work.maxActive(), 1);
});

test('different keys run side by side', async () => {
  const work = controllableReconcile();
  const queue = createWorkQueue({ reconcile: work.reconcile, onError: assert.fail });
  queue.add('ns/a');
  queue.add('ns/b');
  assert.equal(work.pending(), 2);
  work.release();
  work.release();
  await queue.stop();
});

test('a reconcile asking to requeue runs again after that delay', async (t) => {
  t.mock.timers.enable(fakeTimers);
  const times: number[] = [];
  const queue = createWorkQueue({
    reconcile: async () => {
      times.push(Date.now());
      return times.length < 2 ? { requeueAfterMs: 50 } : {};
    },
    onError: assert.fail,
  });
  queue.add('ns/a');
  await settle();
  t.mock.timers.tick(49);
  await settle();
  assert.equal(times.length, 1, 'not before the requeue delay');
  t.mock.timers.tick(151);
  await settle();
  await queue.stop();
  assert.equal(times.length, 2);
  assert.ok(times[1]! - times[0]! >= 45, 'waited for the requeue delay');
});

test('an earlier wake-up wins over a later one, and an add replaces both', async (t) => {
  t.mock.timers.enable(fakeTimers);
  let runs = 0;
  const queue = createWorkQueue({
    reconcile: async () => {
      runs += 1;
      return {};
    },
    onError: assert.fail,
  });
  queue.addAfter('ns/a', 30);
  queue.addAfter('ns/a', 10_000);
  t.mock.timers.tick(80);
  await settle();
  assert.equal(runs, 1, 'the 30 ms wake-up was kept');
  queue.addAfter('ns/a', 30);
  queue.add('ns/a');
  t.mock.timers.tick(80);
  await settle();
  assert.equal(runs, 2, 'the add ran at once and cancelled the timer');
  await queue.stop();
});

test('a failing reconcile is reported and retried', async (t) => {
  t.mock.timers.enable(fakeTimers);
  const errors: string[] = [];
  let runs = 0;
  const queue = createWorkQueue({
    reconcile: async () => {
      runs += 1;
      if (runs === 1) throw new Error('boom');
      return {};
    },
    onError: (key, error) => errors.push(`${key}: ${(error as Error).message}`),
    retryAfterMs: 20,
  });
  queue.add('ns/a');
  await settle();
  t.mock.timers.tick(100);
  await settle();
  await queue.stop();
  assert.deepEqual(errors, ['ns/a: boom']);
  assert.equal(runs, 2);
});

test('settled waits for the run in flight; stop cancels wake-ups and ignores later adds', async (t) => {
  t.mock.timers.enable(fakeTimers);
  const work = controllableReconcile();
  const queue = createWorkQueue({ reconcile: work.reconcile, onError: assert.fail });
  queue.add('ns/a');
  let settled = false;
  const waiting = queue.settled('ns/a').then(() => (settled = true));
  await settle();
  assert.equal(settled, false);
  work.release({ requeueAfterMs: 20 });
  await waiting;
  const stopping = queue.stop();
  queue.add('ns/b');
  await stopping;
  t.mock.timers.tick(60);
  await settle();
  assert.deepEqual(work.calls, ['ns/a']);
});
