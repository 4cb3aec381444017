import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { recordEvent } from './events.ts';

let api: TestServer;
before(async () => {
  api = await startTestServer('worker-events-');
  await api.core.createNamespace({ body: { metadata: { name: 'vms-prod' } } });
});
after(() => api.close());

test('an event lands on its object, and the same one again is counted, not repeated', async () => {
  const subject = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'web-disk', namespace: 'vms-prod', uid: 'u-1' },
  };
  const record = {
    type: 'Warning' as const,
    reason: 'ProvisioningFailed',
    message: 'not enough free space',
    component: 'local-volume-provisioner',
  };
  await recordEvent(api.core, subject, record);
  await recordEvent(api.core, subject, record);
  const { items } = await api.core.listNamespacedEvent({
    namespace: 'vms-prod',
    fieldSelector: 'involvedObject.name=web-disk',
  });
  assert.equal(items.length, 1);
  assert.equal(items[0]!.reason, 'ProvisioningFailed');
  assert.equal(items[0]!.count, 2);
  assert.equal(items[0]!.source?.component, 'local-volume-provisioner');
});
