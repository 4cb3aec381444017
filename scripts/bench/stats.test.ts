import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, percentile, summarize } from './stats.ts';

test('percentiles are observed samples, by nearest rank', () => {
  const samples = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1, unsorted
  assert.equal(percentile(samples, 50), 50);
  assert.equal(percentile(samples, 95), 95);
  assert.equal(percentile(samples, 99), 99);
  assert.equal(percentile(samples, 100), 100);
  assert.equal(percentile([7], 99), 7);
});

test('the median of three runs is the middle one', () => {
  assert.equal(median([30, 10, 20]), 20);
});

test('p95 of 20 samples is the 19th smallest, so one slow sample does not decide it', () => {
  const samples = [...Array.from({ length: 19 }, (_, index) => index + 1), 5000];
  assert.equal(percentile(samples, 95), 19);
  assert.equal(percentile(samples, 99), 5000);
});

test('no samples give NaN rather than a made-up number', () => {
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.deepEqual(summarize([2, 1]), { count: 2, p50: 1, p95: 2, p99: 2 });
});
