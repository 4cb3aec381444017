import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeStatus } from './resource-status.ts';

test('the phase a controller writes is the status', () => {
  assert.deepEqual(summarizeStatus({ status: { phase: 'Ready' } }), {
    label: 'Ready',
    tone: 'success',
  });
  assert.deepEqual(summarizeStatus({ status: { phase: 'ConnectionFailed' } }), {
    label: 'ConnectionFailed',
    tone: 'danger',
  });
  assert.deepEqual(summarizeStatus({ status: { phase: 'Staging' } }), {
    label: 'Staging',
    tone: 'info',
  });
});

test('without a phase, a critical condition outranks the Ready condition', () => {
  const conditions = [
    { type: 'Ready', status: 'True' },
    { type: 'SecretNotValid', status: 'True', category: 'Critical' },
  ];
  assert.equal(summarizeStatus({ status: { conditions } }).label, 'Critical');
  assert.equal(summarizeStatus({ status: { conditions: [conditions[0]!] } }).label, 'Ready');
  assert.equal(
    summarizeStatus({ status: { conditions: [{ type: 'Ready', status: 'False' }] } }).label,
    'Not ready',
  );
});

test('a resource no controller has looked at yet is Unknown, not Ready', () => {
  assert.deepEqual(summarizeStatus({}), { label: 'Unknown', tone: 'grey' });
});
