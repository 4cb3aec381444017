import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesName } from './name-filter.ts';
import type { Resource } from './resource.ts';

const object = (name: string, path: string): Resource => ({
  id: 'x',
  parent: { kind: 'Folder', id: 'f' },
  path,
  revision: 1,
  name,
  selfLink: '',
});

test('the name alone matches exactly', () => {
  const vm = object('web01', '/DC1/vm/prod/web01');
  assert.equal(matchesName('vms', vm, { name: 'web01' }), true);
  assert.equal(matchesName('vms', vm, { name: 'web0' }), false);
  assert.equal(matchesName('vms', vm, { name: 'WEB01' }), false);
});

test('a VM path matches at the end, on whole segments', () => {
  const vm = object('web01', '/DC1/vm/prod/web01');
  assert.equal(matchesName('vms', vm, { name: 'web01', path: 'prod' }), true);
  assert.equal(matchesName('vms', vm, { name: 'web01', path: 'vm/prod' }), true);
  assert.equal(matchesName('vms', vm, { name: 'web01', path: '/DC1/vm/prod' }), true);
  assert.equal(matchesName('vms', vm, { name: 'web01', path: 'od' }), false);
  assert.equal(matchesName('vms', vm, { name: 'web01', path: 'test' }), false);
});

test('hosts, clusters, networks and datastores match on the datacenter only', () => {
  const host = object('esx1', '/DC1/host/cluster1/esx1');
  for (const collection of ['hosts', 'clusters', 'networks', 'datastores']) {
    assert.equal(matchesName(collection, host, { name: 'esx1', path: 'DC1' }), true);
    assert.equal(matchesName(collection, host, { name: 'esx1', path: 'DC1/anything' }), true);
    assert.equal(matchesName(collection, host, { name: 'esx1', path: 'DC2' }), false);
  }
});

test('folders and datacenters match on the name', () => {
  const folder = object('prod', '/DC1/vm/prod');
  assert.equal(matchesName('folders', folder, { name: 'prod', path: 'elsewhere' }), true);
});
