import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBlocker, stageConditions, type Condition } from './conditions.ts';

const earlier = '2026-01-01T00:00:00.000Z';
const now = new Date('2026-02-02T00:00:00.000Z');

const ready: Condition = {
  type: 'Ready',
  status: 'True',
  category: 'Required',
  message: 'The provider is ready.',
  lastTransitionTime: earlier,
};

test('a condition re-stated unchanged keeps its transition time', () => {
  const stage = stageConditions([ready], now);
  stage.set({ type: 'Ready', category: 'Required', message: 'The provider is ready.' });
  assert.deepEqual(stage.end(), [ready]);
});

test('a changed message, reason or status is a transition', () => {
  for (const change of [
    { message: 'Other.' },
    { reason: 'Tested' },
    { status: 'False' as const },
  ]) {
    const stage = stageConditions([ready], now);
    stage.set({ type: 'Ready', category: 'Required', message: ready.message, ...change });
    assert.equal(stage.end()[0]!.lastTransitionTime, now.toISOString(), JSON.stringify(change));
  }
});

test('changed items are a transition, the same items are not', () => {
  const withItems = { ...ready, items: ['a', 'b'] };
  const same = stageConditions([withItems], now);
  same.set({ type: 'Ready', category: 'Required', message: ready.message, items: ['a', 'b'] });
  assert.equal(same.end()[0]!.lastTransitionTime, earlier);
  const other = stageConditions([withItems], now);
  other.set({ type: 'Ready', category: 'Required', message: ready.message, items: ['a'] });
  assert.equal(other.end()[0]!.lastTransitionTime, now.toISOString());
});

test('ending the stage drops what was not re-stated, except durable conditions', () => {
  const durable: Condition = { ...ready, type: 'Succeeded', category: 'Advisory', durable: true };
  const stage = stageConditions([ready, durable], now);
  stage.set({ type: 'ConnectionTestFailed', category: 'Critical', reason: 'Tested' });
  assert.deepEqual(
    stage.end().map((condition) => condition.type),
    ['ConnectionTestFailed', 'Succeeded'],
  );
});

test('setting a type twice keeps only the last one', () => {
  const stage = stageConditions([], now);
  stage.set({ type: 'NotValid', category: 'Critical', message: 'first' });
  stage.set({ type: 'NotValid', category: 'Critical', message: 'second' });
  assert.deepEqual(
    stage.end().map((condition) => condition.message),
    ['second'],
  );
});

test('blockers are True conditions of category Critical or Error, among those staged now', () => {
  assert.equal(isBlocker({ status: 'True', category: 'Critical' }), true);
  assert.equal(isBlocker({ status: 'True', category: 'Error' }), true);
  assert.equal(isBlocker({ status: 'False', category: 'Critical' }), false);
  assert.equal(isBlocker({ status: 'True', category: 'Warn' }), false);

  const previousBlocker: Condition = { ...ready, type: 'UrlNotValid', category: 'Critical' };
  const stage = stageConditions([previousBlocker], now);
  assert.equal(stage.hasBlocker(), false, 'last pass’s blocker does not count until re-stated');
  stage.set({ type: 'ConnectionInsecure', category: 'Warn' });
  assert.equal(stage.hasBlocker(), false);
  stage.set({ type: 'SecretNotValid', category: 'Critical', reason: 'NotSet' });
  assert.equal(stage.hasBlocker(), true);
  assert.equal(stage.has('SecretNotValid'), true);
  assert.equal(stage.has('UrlNotValid'), false);
});

test('optional fields left undefined are not written', () => {
  const stage = stageConditions([], now);
  stage.set({ type: 'Ready', category: 'Required', reason: undefined });
  assert.deepEqual(Object.keys(stage.end()[0]!).sort(), [
    'category',
    'lastTransitionTime',
    'status',
    'type',
  ]);
});
