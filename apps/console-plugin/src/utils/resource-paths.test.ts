import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProviderModel } from '@forklift-console/api';
import { namespaceOfPath, pathInNamespace, resourceListPath } from './resource-paths.ts';

test('a resource list lives at the console URL of its project or of all projects', () => {
  assert.equal(
    resourceListPath(ProviderModel, 'demo'),
    '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Provider',
  );
  assert.equal(
    resourceListPath(ProviderModel, undefined),
    '/k8s/all-namespaces/forklift.konveyor.io~v1beta1~Provider',
  );
});

test('the project is read back from the URL', () => {
  assert.equal(namespaceOfPath('/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan'), 'demo');
  assert.equal(namespaceOfPath('/k8s/all-namespaces/forklift.konveyor.io~v1beta1~Plan'), undefined);
  assert.equal(namespaceOfPath('/mtv/overview'), undefined);
});

test('switching project keeps the page and changes only the project', () => {
  const plans = '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Plan';
  assert.equal(
    pathInNamespace(plans, 'openshift-mtv'),
    '/k8s/ns/openshift-mtv/forklift.konveyor.io~v1beta1~Plan',
  );
  assert.equal(
    pathInNamespace(plans, undefined),
    '/k8s/all-namespaces/forklift.konveyor.io~v1beta1~Plan',
  );
  assert.equal(pathInNamespace('/mtv/overview', 'demo'), undefined);
});
