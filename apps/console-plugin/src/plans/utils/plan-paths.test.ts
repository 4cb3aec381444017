import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCreatePath, planDetailsPath } from './plan-paths.ts';

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
