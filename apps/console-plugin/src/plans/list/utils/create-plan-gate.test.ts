import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Provider } from '@forklift-console/api';
import { createPlanBlock } from './create-plan-gate.ts';

const provider = (type: string) => ({ metadata: { name: type }, spec: { type } }) as Provider;

test('a plan needs providers, one of them an openshift target', () => {
  assert.equal(createPlanBlock([]), 'no-providers');
  assert.equal(createPlanBlock([provider('vsphere')]), 'no-target-provider');
  assert.equal(createPlanBlock([provider('vsphere'), provider('openshift')]), undefined);
  // OpenShift to OpenShift: the host cluster is source and target at once.
  assert.equal(createPlanBlock([provider('openshift')]), undefined);
});
