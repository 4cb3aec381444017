// Deleting a namespace as Kubernetes does it: the namespace turns Terminating and stays readable,
// its objects are deleted through the ordinary path (those with finalizers wait for them), nothing
// new may be created in it, and it goes once it is empty, also after a restart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { BUILT_IN_KINDS, kindKey } from './kinds.ts';
import { Store } from './store.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const group = 'forklift.konveyor.io';
const version = 'v1beta1';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) {
      return { code: error.code, body: JSON.parse(error.body as string) as { message: string } };
    }
    throw error;
  }
  assert.fail('the request succeeded');
};

const plan = (namespace: string, name: string, finalizers?: string[]) => ({
  apiVersion: `${group}/${version}`,
  kind: 'Plan',
  metadata: { name, namespace, ...(finalizers ? { finalizers } : {}) },
  spec: {
    provider: { source: { name: 'vcenter' }, destination: { name: 'host' } },
    map: { network: { name: 'net-map' }, storage: { name: 'storage-map' } },
    targetNamespace: 'demo',
    vms: [],
  },
});

describe('namespace termination', () => {
  let api: TestServer;

  before(async () => {
    api = await startTestServer('kube-api-namespaces-');
  });

  after(async () => {
    await api?.close();
  });

  const plans = (namespace: string) => ({ group, version, namespace, plural: 'plans' });

  test('a namespace with a finalized object stays Terminating until the finalizer is removed', async () => {
    await api.core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await api.core.createNamespacedConfigMap({
      namespace: 'doomed',
      body: { metadata: { name: 'settings' } },
    });
    await api.custom.createNamespacedCustomObject({
      ...plans('doomed'),
      body: plan('doomed', 'held', ['example.com/cleanup']),
    });

    await api.core.deleteNamespace({ name: 'doomed' });
    const terminating = await api.core.readNamespace({ name: 'doomed' });
    assert.ok(terminating.metadata?.deletionTimestamp, 'still readable, with deletionTimestamp');
    assert.equal(terminating.status?.phase, 'Terminating');
    assert.equal(
      (await codeOf(api.core.readNamespacedConfigMap({ name: 'settings', namespace: 'doomed' })))
        .code,
      404,
      'an object without finalizers is deleted',
    );
    const held = (await api.custom.getNamespacedCustomObject({
      ...plans('doomed'),
      name: 'held',
    })) as { metadata: { deletionTimestamp?: string } };
    assert.ok(held.metadata.deletionTimestamp, 'an object with a finalizer waits, marked');

    const refused = await codeOf(
      api.core.createNamespacedConfigMap({
        namespace: 'doomed',
        body: { metadata: { name: 'late' } },
      }),
    );
    assert.equal(refused.code, 403);
    assert.match(
      refused.body.message,
      /unable to create new content in namespace doomed because it is being terminated/,
    );

    await api.custom.patchNamespacedCustomObject(
      { ...plans('doomed'), name: 'held', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    assert.equal((await codeOf(api.core.readNamespace({ name: 'doomed' }))).code, 404);
  });

  test("a namespace's own finalizer holds it, empty, until it is removed", async () => {
    await api.core.createNamespace({
      body: { metadata: { name: 'guarded', finalizers: ['example.com/audit'] } },
    });
    await api.core.deleteNamespace({ name: 'guarded' });
    const held = await api.core.readNamespace({ name: 'guarded' });
    assert.equal(held.status?.phase, 'Terminating');
    assert.deepEqual(held.spec?.finalizers, [], "the namespace controller's finalizer is done");
    await api.core.patchNamespace(
      { name: 'guarded', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    assert.equal((await codeOf(api.core.readNamespace({ name: 'guarded' }))).code, 404);
  });

  test('a spec finalizer holds a namespace until /finalize clears it, and updates keep it', async () => {
    await api.core.createNamespace({
      body: { metadata: { name: 'external' }, spec: { finalizers: ['example.com/external'] } },
    });
    const updated = await api.core.patchNamespace(
      { name: 'external', body: { spec: { finalizers: [] } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    assert.deepEqual(updated.spec?.finalizers, ['example.com/external'], 'only /finalize may');
    await api.core.deleteNamespace({ name: 'external' });
    const held = await api.core.readNamespace({ name: 'external' });
    assert.equal(held.status?.phase, 'Terminating');
    await api.core.replaceNamespaceFinalize({
      name: 'external',
      body: { ...held, spec: { finalizers: [] } },
    });
    assert.equal((await codeOf(api.core.readNamespace({ name: 'external' }))).code, 404);
  });

  test('a namespace left Terminating by a stopped server is emptied at the next start', async () => {
    await api.core.createNamespace({ body: { metadata: { name: 'interrupted' } } });
    await api.core.createNamespacedConfigMap({
      namespace: 'interrupted',
      body: { metadata: { name: 'leftover' } },
    });
    api = await api.restart(() => {
      // What a crash right after the DELETE marked the namespace leaves on disk.
      const store = new Store(api.dataDir);
      const namespaceKey = kindKey(BUILT_IN_KINDS.find((kind) => kind.kind === 'Namespace')!);
      const namespace = store.get(namespaceKey, undefined, 'interrupted')!;
      store.put(
        namespaceKey,
        {
          ...namespace,
          metadata: { ...namespace.metadata, deletionTimestamp: new Date().toISOString() },
          status: { phase: 'Terminating' },
        },
        'MODIFIED',
      );
      store.close();
    });
    assert.equal(
      (
        await codeOf(
          api.core.readNamespacedConfigMap({ name: 'leftover', namespace: 'interrupted' }),
        )
      ).code,
      404,
    );
    assert.equal((await codeOf(api.core.readNamespace({ name: 'interrupted' }))).code, 404);
  });
});
