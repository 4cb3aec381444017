import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planCreatePath, planDetailsPath, planTabOf, planVmsPath } from './plan-paths.ts';

test('a plan opens at its console URL, each tab below it', () => {
  assert.equal(planDetailsPath('demo', 'p1'), '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/p1');
  assert.equal(
    planDetailsPath('demo', 'p1', 'vms'),
    '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/p1/vms',
  );
});

test('the wizard opens in the active project, or under all projects', () => {
  assert.equal(planCreatePath('demo'), '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/~new');
  assert.equal(
    planCreatePath(undefined),
    '/k8s/all-namespaces/forklift.konveyor.io~v1beta1~Plan/~new',
  );
});

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

test('the Virtual machines tab links with a status filter in its query, or without one', () => {
  assert.equal(
    planVmsPath('demo', 'p1', 'Failed'),
    '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/p1/vms?status=Failed',
  );
  assert.equal(planVmsPath('demo', 'p1'), '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan/p1/vms');
  assert.equal(planTabOf(new URL(planVmsPath('demo', 'p1', 'Failed'), 'http://x').pathname), 'vms');
});
