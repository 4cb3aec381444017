import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { providerDetailsPath, providerTabOf, providerTabsFor } from './provider-tabs.ts';

describe('provider details tabs', () => {
  test('each tab has its own URL below the provider', () => {
    assert.equal(
      providerDetailsPath('demo', 'vcenter'),
      '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Provider/vcenter',
    );
    assert.equal(
      providerDetailsPath('demo', 'vcenter', 'hosts'),
      '/k8s/ns/demo/forklift.konveyor.io~v1beta1~Provider/vcenter/hosts',
    );
  });

  test('the URL names the active tab; the provider URL and unknown tabs show Details', () => {
    assert.equal(providerTabOf(providerDetailsPath('demo', 'vcenter', 'vms')), 'vms');
    assert.equal(providerTabOf(providerDetailsPath('demo', 'vcenter', 'yaml')), 'yaml');
    assert.equal(providerTabOf(providerDetailsPath('demo', 'vcenter')), 'details');
    assert.equal(providerTabOf(`${providerDetailsPath('demo', 'vcenter')}/events`), 'details');
    // A provider named like a tab is still the provider, not the tab.
    assert.equal(providerTabOf(providerDetailsPath('demo', 'yaml')), 'details');
  });

  test('tabs follow the provider type', () => {
    assert.deepEqual(providerTabsFor({ type: 'vsphere' }), [
      'details',
      'yaml',
      'credentials',
      'vms',
      'hosts',
    ]);
    assert.deepEqual(providerTabsFor({ type: 'ova' }), ['details', 'yaml', 'vms']);
    assert.deepEqual(providerTabsFor({ type: 'ovirt' }), ['details', 'yaml', 'credentials']);
  });

  test('another cluster has credentials and networks; the host cluster has no credentials', () => {
    assert.deepEqual(providerTabsFor({ type: 'openshift', url: 'https://api.remote:6443' }), [
      'details',
      'yaml',
      'credentials',
      'vms',
      'networks',
    ]);
    assert.deepEqual(providerTabsFor({ type: 'openshift', url: '' }), [
      'details',
      'yaml',
      'vms',
      'networks',
    ]);
    assert.equal(
      providerTabOf(providerDetailsPath('openshift-mtv', 'host', 'networks')),
      'networks',
    );
  });
});
