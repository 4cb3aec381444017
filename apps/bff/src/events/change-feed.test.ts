// The feed's watches of what migrations make: only objects labelled with a plan are heard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api } from '@kubernetes/client-node';
import { createLogger } from '../logging.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import {
  MIGRATION_OBJECT_MODELS,
  startChangeFeed,
  type ChangeEvent,
  type ChangeFeed,
} from './change-feed.ts';

let api: TestApi;
let feed: ChangeFeed;
const heard: ChangeEvent[] = [];

before(async () => {
  api = await startTestApi('change-feed-');
  feed = await startChangeFeed(
    api.connection.kubeConfig,
    createLogger('silent'),
    MIGRATION_OBJECT_MODELS,
  );
  feed.subscribe((event) => heard.push(event));
});

after(async () => {
  await feed?.stop();
  await api?.close();
});

test('every migration kind is watched, and only objects labelled with a plan are heard', async () => {
  const core = api.connection.kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'target' } } });
  const claim = (name: string, labels: Record<string, string>) =>
    core.createNamespacedPersistentVolumeClaim({
      namespace: 'target',
      body: {
        metadata: { name, labels },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    });
  await claim('unrelated-claim', { app: 'db' });
  await claim('plan-disk-0', { plan: 'plan-uid', vmID: 'vm-1' });
  await core.createNamespacedPod({
    namespace: 'target',
    body: {
      metadata: { name: 'plan-converter', labels: { plan: 'plan-uid' } },
      spec: { containers: [{ name: 'virt-v2v', image: 'quay.io/kubev2v/forklift-virt-v2v' }] },
    },
  });
  for (let attempt = 0; heard.length < 2; attempt++) {
    assert.ok(attempt < 200, 'the labelled claim and pod were not heard');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.deepEqual(
    heard.map(({ resource, namespace, name, type }) => [resource, namespace, name, type]).sort(),
    [
      ['persistentvolumeclaims', 'target', 'plan-disk-0', 'ADDED'],
      ['pods', 'target', 'plan-converter', 'ADDED'],
    ],
  );
});
