import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planDetailsPath, planTabOf } from './plan-tabs.ts';

describe('plan tabs', () => {
  test('the details tab is the plan URL, the others sit below it', () => {
    assert.equal(
      planDetailsPath('demo', 'p1'),
      '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/p1',
    );
    assert.equal(
      planDetailsPath('demo', 'p1', 'resources'),
      '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/p1/resources',
    );
  });

  test('a URL names its tab; an unknown tab or none is details', () => {
    assert.equal(planTabOf(planDetailsPath('demo', 'p1', 'vms')), 'vms');
    assert.equal(planTabOf(planDetailsPath('demo', 'p1')), 'details');
    assert.equal(planTabOf(`${planDetailsPath('demo', 'p1')}/automation`), 'details');
  });

  test('a plan called like a tab is not read as one', () => {
    assert.equal(planTabOf(planDetailsPath('demo', 'yaml')), 'details');
    assert.equal(planTabOf(planDetailsPath('demo', 'yaml', 'hooks')), 'hooks');
  });
});
