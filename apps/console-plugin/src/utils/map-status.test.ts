import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapStatus } from './map-status.ts';

const condition = (type: string, category: string, message = '') => ({
  type,
  category,
  status: 'True',
  message,
  lastTransitionTime: '2026-01-01T00:00:00Z',
});

test('a map whose controller says Ready is Ready', () => {
  assert.deepEqual(mapStatus({ status: { conditions: [condition('Ready', 'Required')] } }), {
    state: 'Ready',
  });
});

test('a Critical condition makes the map Critical and names the reason', () => {
  const status = mapStatus({
    status: {
      conditions: [
        condition('DestinationNetworkNotValid', 'Critical', 'NAD demo/x not found'),
        condition('Ready', 'Required'),
      ],
    },
  });
  assert.equal(status.state, 'Critical');
  assert.equal(status.failing?.message, 'NAD demo/x not found');
});

test('no Ready condition yet, or a warning, is Not Ready', () => {
  assert.deepEqual(mapStatus({}), { state: 'NotReady' });
  const warned = mapStatus({
    status: { conditions: [condition('SourceNetworkNotValid', 'Warn', 'not found')] },
  });
  assert.equal(warned.state, 'NotReady');
  assert.equal(warned.failing?.type, 'SourceNetworkNotValid');
});
