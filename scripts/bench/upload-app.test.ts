import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSecondsOf, residentBytes, residentBytesOf, startRssSampler } from './upload-app.ts';

test('CPU time is user plus system ticks, at 100 a second', () => {
  const stat = '4242 (a) b) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 130 0 0 20 0 11 0';
  assert.equal(cpuSecondsOf(stat), 3.8);
});

test('VmRSS is read in bytes, and its absence is an error', () => {
  assert.equal(residentBytesOf('Name:\tnode\nVmRSS:\t  123456 kB\nVmData: 1 kB\n'), 123456 * 1024);
  assert.throws(() => residentBytesOf('Name:\tnode\n'), /VmRSS/);
});

test('the sampler keeps the largest RSS it saw', async () => {
  const before = residentBytes(process.pid);
  const sampler = startRssSampler(process.pid, 10);
  const held = Buffer.alloc(96 * 1024 * 1024, 1);
  await sleep(100);
  const peak = sampler.stop();
  assert.ok(peak - before >= 80 * 1024 * 1024, `peak ${peak}, before ${before}`);
  assert.equal(held[0], 1);
});
