import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BffError, NotLoadedYetError } from '../../../utils/bff.ts';
import { inventoryState } from './inventory-state.ts';

describe('inventory state', () => {
  test('data is ready; no data yet is loading', () => {
    assert.deepEqual(inventoryState({ data: [1], error: null }), { state: 'ready', data: [1] });
    assert.deepEqual(inventoryState({ data: undefined, error: null }), { state: 'loading' });
  });

  test('an inventory not collected yet (404, or 206 without a body) is loading', () => {
    assert.deepEqual(
      inventoryState({ data: undefined, error: new BffError(404, 'provider not found') }),
      { state: 'loading' },
    );
    assert.deepEqual(
      inventoryState({
        data: undefined,
        error: new NotLoadedYetError(206, 'The inventory is still loading'),
      }),
      { state: 'loading' },
    );
  });

  test('any other failure says what went wrong', () => {
    assert.deepEqual(inventoryState({ data: undefined, error: new BffError(500, 'boom') }), {
      state: 'failed',
      message: 'boom',
    });
    assert.deepEqual(inventoryState({ data: [1], error: new TypeError('fetch failed') }), {
      state: 'failed',
      message: 'fetch failed',
    });
  });
});
