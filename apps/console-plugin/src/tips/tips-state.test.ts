import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INITIAL_TIPS_STATE,
  TIPS_STORAGE_KEY,
  chooseTopic,
  closeTips,
  openTips,
  parseTipsState,
  readTipsState,
  showTopics,
  toggleTips,
  writeTipsState,
} from './tips-state.ts';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
};

test('the drawer starts closed on the topic cards', () => {
  assert.deepEqual(INITIAL_TIPS_STATE, { isOpen: false, topic: null });
});

test('opening, closing and toggling keep the chosen topic', () => {
  const reading = chooseTopic(INITIAL_TIPS_STATE, 'migration-type');
  assert.deepEqual(reading, { isOpen: true, topic: 'migration-type' });
  assert.deepEqual(closeTips(reading), { isOpen: false, topic: 'migration-type' });
  assert.deepEqual(toggleTips(reading), { isOpen: false, topic: 'migration-type' });
  assert.deepEqual(toggleTips(closeTips(reading)), reading);
  assert.deepEqual(openTips(closeTips(reading)), reading);
});

test('choosing a topic opens the drawer, and going back shows the topic cards again', () => {
  const reading = chooseTopic(closeTips(INITIAL_TIPS_STATE), 'troubleshooting');
  assert.deepEqual(reading, { isOpen: true, topic: 'troubleshooting' });
  assert.deepEqual(showTopics(reading), { isOpen: true, topic: null });
});

test('the state survives a round trip through storage', () => {
  const storage = memoryStorage();
  const reading = chooseTopic(INITIAL_TIPS_STATE, 'storage-mapping');
  writeTipsState(storage, reading);
  assert.ok(storage.items.has(TIPS_STORAGE_KEY));
  assert.deepEqual(readTipsState(storage), reading);
});

test('nothing stored, or no storage at all, means the initial state', () => {
  assert.deepEqual(readTipsState(memoryStorage()), INITIAL_TIPS_STATE);
  assert.deepEqual(readTipsState(undefined), INITIAL_TIPS_STATE);
  assert.doesNotThrow(() => writeTipsState(undefined, INITIAL_TIPS_STATE));
});

test('unreadable stored state falls back to the initial state, field by field', () => {
  assert.deepEqual(parseTipsState('{not json'), INITIAL_TIPS_STATE);
  assert.deepEqual(parseTipsState('null'), INITIAL_TIPS_STATE);
  assert.deepEqual(parseTipsState('"open"'), INITIAL_TIPS_STATE);
  assert.deepEqual(parseTipsState('{"isOpen":"yes","topic":"migration-type"}'), {
    isOpen: false,
    topic: 'migration-type',
  });
  assert.deepEqual(parseTipsState('{"isOpen":true,"topic":"no-such-topic"}'), {
    isOpen: true,
    topic: null,
  });
});

test('a storage that throws is treated like no storage', () => {
  const broken = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
  };
  assert.deepEqual(readTipsState(broken), INITIAL_TIPS_STATE);
  assert.doesNotThrow(() =>
    writeTipsState(broken, chooseTopic(INITIAL_TIPS_STATE, 'migrating-vms')),
  );
});
