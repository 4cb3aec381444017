import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { criticalCondition, isReady } from './provider-conditions.ts';

const condition = (type: string, category: string, status = 'True', message?: string) => ({
  type,
  category,
  status,
  message,
});

describe('provider conditions', () => {
  test('the critical condition is the first Critical one that holds', () => {
    const conditions = [
      condition('ConnectionTestFailed', 'Critical', 'False', 'old'),
      condition('ValidationFailed', 'Advisory'),
      condition('ConnectionTestFailed', 'Critical', 'True', 'x509: certificate signed by unknown'),
    ];
    assert.equal(criticalCondition(conditions)?.message, 'x509: certificate signed by unknown');
    assert.equal(criticalCondition([condition('Ready', 'Required')]), undefined);
    assert.equal(criticalCondition(undefined), undefined);
  });

  test('ready only with a Ready condition that holds', () => {
    assert.equal(isReady([condition('Ready', 'Required')]), true);
    assert.equal(isReady([condition('Ready', 'Required', 'False')]), false);
    assert.equal(isReady(undefined), false);
  });
});
