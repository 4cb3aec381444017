import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkMapModel, type Provider } from '@forklift-console/api';
import {
  isTargetProvider,
  mapGeneralErrors,
  newMap,
  providerKey,
  referencedProviderKey,
} from './map-form.ts';

const provider = (name: string, type: string): Provider =>
  ({ metadata: { name, namespace: 'demo', uid: `${name}-uid` }, spec: { type } }) as Provider;

test('name, project and both providers are required; the name is a DNS subdomain', () => {
  assert.deepEqual(
    Object.keys(
      mapGeneralErrors({ name: '', namespace: '', sourceProvider: '', targetProvider: '' }),
    ),
    ['name', 'namespace', 'sourceProvider', 'targetProvider'],
  );
  assert.match(
    mapGeneralErrors({
      name: 'Bad_Name',
      namespace: 'demo',
      sourceProvider: 'a',
      targetProvider: 'b',
    }).name ?? '',
    /lower case alphanumeric/,
  );
  assert.deepEqual(
    mapGeneralErrors({
      name: 'vcsim.map',
      namespace: 'demo',
      sourceProvider: 'a',
      targetProvider: 'b',
    }),
    {},
  );
});

test('only OpenShift providers are targets', () => {
  assert.equal(isTargetProvider(provider('host', 'openshift')), true);
  assert.equal(isTargetProvider(provider('vcsim', 'vsphere')), false);
});

test('the map references both providers by name, namespace and uid', () => {
  const map = newMap(
    NetworkMapModel,
    { name: 'm', namespace: 'demo', sourceProvider: 'vcsim', targetProvider: 'host' },
    { source: provider('vcsim', 'vsphere'), destination: provider('host', 'openshift') },
    [{ source: { id: 'n' }, destination: { type: 'pod' } }],
  );
  assert.equal(map.kind, 'NetworkMap');
  assert.deepEqual(map.spec.provider.source, {
    apiVersion: 'forklift.konveyor.io/v1beta1',
    kind: 'Provider',
    name: 'vcsim',
    namespace: 'demo',
    uid: 'vcsim-uid',
  });
});

test('providers are keyed by namespace/name; a reference without namespace is in the map project', () => {
  assert.equal(providerKey(provider('host', 'openshift')), 'demo/host');
  assert.equal(
    referencedProviderKey({ name: 'host', namespace: 'openshift-mtv' }, 'demo'),
    'openshift-mtv/host',
  );
  assert.equal(referencedProviderKey({ name: 'vcsim' }, 'demo'), 'demo/vcsim');
  assert.equal(referencedProviderKey({}, 'demo'), '');
});
