import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeMessage, sseMessage } from './sse.ts';

test('a change is one server-sent event the browser parses as JSON', () => {
  const text = changeMessage({ resource: 'plans', namespace: 'demo', name: 'p', type: 'DELETED' });
  assert.equal(
    text,
    'event: change\ndata: {"resource":"plans","namespace":"demo","name":"p","type":"DELETED"}\n\n',
  );
  assert.equal(sseMessage('ready', {}), 'event: ready\ndata: {}\n\n');
});
