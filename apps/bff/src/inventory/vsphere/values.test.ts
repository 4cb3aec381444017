import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { datastoreId, list, refOf, refsOf } from './values.ts';

test('a list is a list whatever the XML made of it', () => {
  assert.deepEqual(list(undefined), []);
  assert.deepEqual(list(''), [], 'an empty element');
  assert.deepEqual(list('a'), ['a'], 'one repeated element');
  assert.deepEqual(list(['a', 'b']), ['a', 'b']);
  assert.deepEqual(list({ _type: 'ArrayOfString', string: 'a' }), ['a'], 'an ArrayOf wrapper');
  assert.deepEqual(list({ _type: 'ArrayOfString', string: ['a', 'b'] }), ['a', 'b']);
  assert.deepEqual(list({ _type: 'ArrayOfString' }), []);
  assert.deepEqual(list({ key: 'k' }), [{ key: 'k' }], 'one nested record');
});

test('datastore IDs that do not fit a URL path become their md5 hex', () => {
  assert.equal(datastoreId('datastore-12'), 'datastore-12');
  const nfs = '10.1.1.1:/vol/x';
  assert.equal(datastoreId(nfs), createHash('md5').update(nfs).digest('hex'));
  assert.match(datastoreId('/tmp/ds@folder-5'), /^[0-9a-f]{32}$/);
});

test('references become Forklift Refs, datastores with the same IDs everywhere', () => {
  assert.deepEqual(refOf({ type: 'ClusterComputeResource', value: 'domain-c8' }), {
    kind: 'Cluster',
    id: 'domain-c8',
  });
  assert.deepEqual(refOf({ type: 'ComputeResource', value: 'domain-s9' }).kind, 'Cluster');
  assert.deepEqual(
    refOf({ type: 'DistributedVirtualPortgroup', value: 'dvportgroup-1' }).kind,
    'Network',
  );
  assert.deepEqual(refOf({ type: 'ResourcePool', value: 'resgroup-1' }), {
    kind: 'ResourcePool',
    id: 'resgroup-1',
  });
  assert.deepEqual(refOf(undefined), { kind: '', id: '' });
  assert.deepEqual(refOf(''), { kind: '', id: '' });
  assert.deepEqual(
    refsOf({
      _type: 'ArrayOfManagedObjectReference',
      ManagedObjectReference: [{ type: 'Datastore', value: '10.1.1.1:/vol/x' }],
    }),
    [{ kind: 'Datastore', id: datastoreId('10.1.1.1:/vol/x') }],
  );
});
