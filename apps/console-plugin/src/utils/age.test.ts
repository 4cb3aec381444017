import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAge } from './age.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

test('an age is shown in its largest whole unit', () => {
  assert.equal(formatAge('2026-11-23T11:59:18Z', now), '42s');
  assert.equal(formatAge('2026-11-23T11:55:00Z', now), '5m');
  assert.equal(formatAge('2026-11-23T07:00:00Z', now), '5h');
  assert.equal(formatAge('2026-11-20T11:00:00Z', now), '3d');
});

test('a missing or unreadable time shows a dash, and a clock skew never shows a negative age', () => {
  assert.equal(formatAge(undefined, now), '-');
  assert.equal(formatAge('yesterday', now), '-');
  assert.equal(formatAge('2026-11-23T12:00:30Z', now), '0s');
});
