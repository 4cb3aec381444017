import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkMapModel, StorageMapModel } from '@forklift-console/api';
import { mapTemplate } from './map-template.ts';

test("the YAML skeleton is the model's kind in the project, with no rows and providers to name", () => {
  const network = mapTemplate(NetworkMapModel, 'demo');
  assert.equal(network.kind, 'NetworkMap');
  assert.deepEqual(network.metadata, { name: 'example', namespace: 'demo' });
  assert.deepEqual(network.spec?.map, []);
  assert.deepEqual(network.spec?.provider.source, { name: '', namespace: 'demo' });
  assert.equal(mapTemplate(StorageMapModel, 'demo').kind, 'StorageMap');
});
