import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Provider } from '@forklift-console/api';
import {
  isFailedPhase,
  isProviderPhase,
  providerFailureMessage,
  providerPhase,
} from './provider-status.ts';

const condition = (type: string, status: string, category: string, message: string) => ({
  type,
  status,
  category,
  message,
  lastTransitionTime: '2026-11-23T10:00:00Z',
});

test('a provider without a phase yet is Unknown', () => {
  assert.equal(providerPhase({}), 'Unknown');
  assert.equal(providerPhase({ status: { phase: 'Ready' } }), 'Ready');
});

test('only the two failure phases are failures', () => {
  assert.equal(isFailedPhase('ConnectionFailed'), true);
  assert.equal(isFailedPhase('ValidationFailed'), true);
  assert.equal(isFailedPhase('Staging'), false);
  assert.equal(isProviderPhase('Ready'), true);
  assert.equal(isProviderPhase('ready'), false);
  assert.equal(isProviderPhase(null), false);
});

test('the failure message comes from the critical condition that holds', () => {
  const provider: Provider = {
    status: {
      phase: 'ConnectionFailed',
      conditions: [
        condition('Ready', 'False', 'Required', 'The provider is not ready.'),
        condition('Validated', 'True', 'Required', 'Validation has been completed.'),
        condition('ConnectionTestFailed', 'True', 'Critical', 'dial tcp: i/o timeout'),
      ],
    },
  };
  assert.equal(providerFailureMessage(provider), 'dial tcp: i/o timeout');
});

test('without a critical condition, the failing Ready condition says why', () => {
  const provider: Provider = {
    status: {
      phase: 'ValidationFailed',
      conditions: [
        condition('Ready', 'False', 'Required', 'The provider is not ready.'),
        condition('SecretNotValid', 'False', 'Critical', 'stale'),
      ],
    },
  };
  assert.equal(providerFailureMessage(provider), 'The provider is not ready.');
  assert.equal(providerFailureMessage({ status: { phase: 'ValidationFailed' } }), undefined);
});
