// The embedded API server as its clients see it: @kubernetes/client-node (what the BFF uses) and
// raw HTTPS requests for what client-node hides (Status bodies, watch streams).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { kubeConfigForEmbeddedServer } from '../kube-config.ts';
import { bearer, grantRole, writeTokens } from '../test-support/rbac.ts';
import { httpsRequest, type TlsClient } from '../test-support/https-request.ts';
import { startEmbeddedApiServer, type EmbeddedApiServer } from './index.ts';

const group = 'forklift.konveyor.io';
const version = 'v1beta1';
const namespace = 'migrations';

const plan = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: `${group}/${version}`,
  kind: 'Plan',
  metadata: { name, namespace },
  spec: {
    provider: { source: { name: 'vcenter' }, destination: { name: 'host' } },
    map: { network: { name: 'net-map' }, storage: { name: 'storage-map' } },
    targetNamespace: 'demo',
    vms: [],
    ...extra,
  },
});

type Obj = KubernetesObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const statusOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) {
      return { code: error.code, body: error.body ? JSON.parse(error.body as string) : undefined };
    }
    throw error;
  }
  assert.fail('the request succeeded');
};

describe('embedded Kubernetes API server', () => {
  let dataDir: string;
  let server: EmbeddedApiServer;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;
  let watcher: Watch;
  let admin: KubeConfig;
  /** The administrator's TLS: the CA and the client certificate of DATA_DIR/kubeconfig. */
  let asAdmin: TlsClient;
  /** No client certificate: a token, or nothing at all. */
  let withoutCertificate: TlsClient;

  const plans = { group, version, namespace, plural: 'plans' };
  const networkMaps = { group, version, namespace, plural: 'networkmaps' };

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kube-api-'));
    server = await startEmbeddedApiServer({ dataDir, historyLimit: 20 });
    admin = kubeConfigForEmbeddedServer(server);
    asAdmin = {
      ca: server.caCertificate,
      certificate: server.adminCredential.certificate,
      key: server.adminCredential.key,
    };
    withoutCertificate = { ca: server.caCertificate };
    core = admin.makeApiClient(CoreV1Api);
    custom = admin.makeApiClient(CustomObjectsApi);
    watcher = new Watch(admin);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
  });

  after(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const watchEvents = async (
    query: Record<string, string>,
    until: (events: { type: string; object: Obj }[]) => boolean,
  ) => {
    const events: { type: string; object: Obj }[] = [];
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const controller = await watcher.watch(
      `/apis/${group}/${version}/namespaces/${namespace}/plans`,
      query,
      (type, object: Obj) => {
        events.push({ type, object });
        if (until(events)) resolveDone();
      },
      () => resolveDone(),
    );
    return { events, done, stop: () => controller.abort() };
  };

  test('a watch sees ADDED, MODIFIED and DELETED in order', async () => {
    const list = (await custom.listNamespacedCustomObject(plans)) as Obj;
    const watch = await watchEvents(
      { resourceVersion: list.metadata!.resourceVersion! },
      (events) => events.some((event) => event.type === 'DELETED'),
    );
    await custom.createNamespacedCustomObject({ ...plans, body: plan('watched') });
    await custom.patchNamespacedCustomObject(
      { ...plans, name: 'watched', body: { spec: { description: 'second' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await custom.deleteNamespacedCustomObject({ ...plans, name: 'watched' });
    await watch.done;
    watch.stop();
    assert.deepEqual(
      watch.events.map((event) => [event.type, event.object.metadata?.name]),
      [
        ['ADDED', 'watched'],
        ['MODIFIED', 'watched'],
        ['DELETED', 'watched'],
      ],
    );
    assert.equal(watch.events[1]!.object.spec?.description, 'second');
  });

  test('a watch resumed from a resourceVersion replays only what came after it', async () => {
    const first = (await custom.createNamespacedCustomObject({
      ...plans,
      body: plan('resume-a'),
    })) as Obj;
    await custom.createNamespacedCustomObject({ ...plans, body: plan('resume-b') });
    const watch = await watchEvents(
      { resourceVersion: first.metadata!.resourceVersion! },
      (events) => events.length >= 1,
    );
    await watch.done;
    watch.stop();
    assert.deepEqual(
      watch.events.map((event) => [event.type, event.object.metadata?.name]),
      [['ADDED', 'resume-b']],
    );
  });

  test('a watch from a resourceVersion older than the history gets 410 Gone', async () => {
    for (let index = 0; index < 25; index += 1) {
      await custom.createNamespacedCustomObject({ ...plans, body: plan(`churn-${index}`) });
    }
    const response = await httpsRequest(
      `${server.url}/apis/${group}/${version}/namespaces/${namespace}/plans?watch=true&resourceVersion=1`,
      asAdmin,
    );
    const [line] = response.text.trim().split('\n');
    const event = JSON.parse(line!) as { type: string; object: { code: number; reason: string } };
    assert.equal(event.type, 'ERROR');
    assert.equal(event.object.code, 410);
    assert.equal(event.object.reason, 'Expired');
  });

  test('an update with a stale resourceVersion is refused with 409 Conflict', async () => {
    const created = (await custom.createNamespacedCustomObject({
      ...plans,
      body: plan('contended'),
    })) as Obj;
    await custom.replaceNamespacedCustomObject({
      ...plans,
      name: 'contended',
      body: { ...created, spec: { ...created.spec, description: 'first writer' } },
    });
    const { code, body } = await statusOf(
      custom.replaceNamespacedCustomObject({
        ...plans,
        name: 'contended',
        body: { ...created, spec: { ...created.spec, description: 'second writer' } },
      }),
    );
    assert.equal(code, 409);
    assert.equal(body.kind, 'Status');
    assert.equal(body.reason, 'Conflict');
    const stored = (await custom.getNamespacedCustomObject({ ...plans, name: 'contended' })) as Obj;
    assert.equal(stored.spec?.description, 'first writer');
  });

  test('the CRD schema refuses a wrong type with 422 naming the field', async () => {
    const { code, body } = await statusOf(
      custom.createNamespacedCustomObject({ ...plans, body: plan('bad-warm', { warm: 'yes' }) }),
    );
    assert.equal(code, 422);
    assert.equal(body.reason, 'Invalid');
    assert.deepEqual(
      body.details.causes.map((cause: { field: string }) => cause.field),
      ['spec.warm'],
    );
    assert.match(body.message, /spec\.warm/);
  });

  test('a duplicate name is refused with 409 AlreadyExists and a missing one with 404', async () => {
    await custom.createNamespacedCustomObject({ ...plans, body: plan('twice') });
    const duplicate = await statusOf(
      custom.createNamespacedCustomObject({ ...plans, body: plan('twice') }),
    );
    assert.equal(duplicate.code, 409);
    assert.equal(duplicate.body.reason, 'AlreadyExists');
    const missing = await statusOf(custom.getNamespacedCustomObject({ ...plans, name: 'nope' }));
    assert.equal(missing.code, 404);
    assert.equal(missing.body.reason, 'NotFound');
    assert.deepEqual(missing.body.details, { name: 'nope', group, kind: 'plans' });
  });

  test('spec changes bump generation; status writes go through the status subresource only', async () => {
    const created = (await custom.createNamespacedCustomObject({
      ...plans,
      body: plan('generations'),
    })) as Obj & { metadata: { generation?: number } };
    assert.equal(created.metadata.generation, 1);
    const patched = (await custom.patchNamespacedCustomObject(
      { ...plans, name: 'generations', body: { spec: { warm: true } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as Obj & { metadata: { generation?: number } };
    assert.equal(patched.metadata.generation, 2);

    const viaMain = (await custom.patchNamespacedCustomObject(
      { ...plans, name: 'generations', body: { status: { phase: 'ignored' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as Obj;
    assert.equal(viaMain.status?.phase, undefined, 'status is not writable through the main path');

    const viaStatus = (await custom.patchNamespacedCustomObjectStatus(
      { ...plans, name: 'generations', body: { status: { observedGeneration: 2 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )) as Obj & { metadata: { generation?: number } };
    assert.equal(viaStatus.status?.observedGeneration, 2);
    assert.equal(viaStatus.metadata.generation, 2, 'a status write does not bump generation');
  });

  test('a JSON patch applies its operations and a failed test operation changes nothing', async () => {
    await custom.createNamespacedCustomObject({ ...plans, body: plan('json-patched') });
    const patched = (await custom.patchNamespacedCustomObject(
      {
        ...plans,
        name: 'json-patched',
        body: [{ op: 'add', path: '/spec/description', value: 'by json patch' }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    )) as Obj;
    assert.equal(patched.spec?.description, 'by json patch');
    const failed = await statusOf(
      custom.patchNamespacedCustomObject(
        {
          ...plans,
          name: 'json-patched',
          body: [
            { op: 'test', path: '/spec/description', value: 'something else' },
            { op: 'remove', path: '/spec/description' },
          ],
        },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      ),
    );
    assert.equal(failed.code, 422);
    const stored = (await custom.getNamespacedCustomObject({
      ...plans,
      name: 'json-patched',
    })) as Obj;
    assert.equal(stored.spec?.description, 'by json patch');
  });

  test('a finalizer holds a deleted object with a deletionTimestamp until it is removed', async () => {
    await custom.createNamespacedCustomObject({
      ...plans,
      body: {
        ...plan('finalized'),
        metadata: { name: 'finalized', namespace, finalizers: ['x/y'] },
      },
    });
    await custom.deleteNamespacedCustomObject({ ...plans, name: 'finalized' });
    const held = (await custom.getNamespacedCustomObject({ ...plans, name: 'finalized' })) as Obj;
    assert.ok(held.metadata?.deletionTimestamp, 'deletionTimestamp is set');
    await custom.patchNamespacedCustomObject(
      { ...plans, name: 'finalized', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const gone = await statusOf(custom.getNamespacedCustomObject({ ...plans, name: 'finalized' }));
    assert.equal(gone.code, 404);
  });

  test('deleting a Plan deletes the NetworkMap it owns and leaves the others', async () => {
    const owner = (await custom.createNamespacedCustomObject({
      ...plans,
      body: plan('owner'),
    })) as Obj;
    const networkMap = (name: string, owned: boolean) => ({
      apiVersion: `${group}/${version}`,
      kind: 'NetworkMap',
      metadata: {
        name,
        namespace,
        ...(owned
          ? {
              ownerReferences: [
                {
                  apiVersion: `${group}/${version}`,
                  kind: 'Plan',
                  name: 'owner',
                  uid: owner.metadata!.uid!,
                },
              ],
            }
          : {}),
      },
      spec: {
        provider: { source: { name: 'vcenter' }, destination: { name: 'host' } },
        map: [],
      },
    });
    await custom.createNamespacedCustomObject({ ...networkMaps, body: networkMap('owned', true) });
    await custom.createNamespacedCustomObject({ ...networkMaps, body: networkMap('free', false) });
    await custom.deleteNamespacedCustomObject({ ...plans, name: 'owner' });
    const names = ((await custom.listNamespacedCustomObject(networkMaps)) as { items: Obj[] }).items
      .map((item) => item.metadata?.name)
      .sort();
    assert.deepEqual(names, ['free']);
  });

  test('a label selector narrows a list', async () => {
    await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: 'blue', labels: { colour: 'blue', tier: 'a' } } },
    });
    await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: 'red', labels: { colour: 'red' } } },
    });
    const names = async (labelSelector: string) =>
      (await core.listNamespacedConfigMap({ namespace, labelSelector })).items.map(
        (item) => item.metadata?.name,
      );
    assert.deepEqual(await names('colour=blue'), ['blue']);
    assert.deepEqual(await names('colour!=blue'), ['red']);
    assert.deepEqual(await names('colour in (red,blue),tier'), ['blue']);
    assert.deepEqual(await names('!tier'), ['red']);
  });

  test("a Secret's stringData is stored as base64 data and never kept", async () => {
    await core.createNamespacedSecret({
      namespace,
      body: {
        metadata: { name: 'vcenter-credentials' },
        data: { user: Buffer.from('old').toString('base64') },
        stringData: { user: 'administrator@vsphere.local', password: 'p@ss' },
      },
    });
    const stored = await core.readNamespacedSecret({ name: 'vcenter-credentials', namespace });
    assert.equal(stored.stringData, undefined);
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(stored.data ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value, 'base64').toString(),
        ]),
      ),
      { user: 'administrator@vsphere.local', password: 'p@ss' },
    );
  });

  test('discovery lists the Forklift kinds and the built-in ones kubectl needs', async () => {
    const groups = (await httpsRequest(`${server.url}/apis`, asAdmin)).json<{
      groups: { name: string }[];
    }>();
    const names = groups.groups.map((entry) => entry.name);
    for (const expected of [group, 'batch', 'storage.k8s.io', 'k8s.cni.cncf.io', 'kubevirt.io']) {
      assert.ok(names.includes(expected), `${expected} is discovered`);
    }
    const resources = (await httpsRequest(`${server.url}/apis/${group}/${version}`, asAdmin)).json<{
      resources: { name: string; namespaced: boolean; kind: string }[];
    }>();
    const plansEntry = resources.resources.find((entry) => entry.name === 'plans');
    assert.deepEqual(
      { namespaced: plansEntry?.namespaced, kind: plansEntry?.kind },
      { namespaced: true, kind: 'Plan' },
    );
    assert.ok(resources.resources.some((entry) => entry.name === 'plans/status'));
  });

  describe('users other than the administrator', () => {
    // The administrator's cluster entry (so the CA is verified), with the user's token instead.
    const as = (token: string) => {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromOptions({
        clusters: [admin.getCurrentCluster()!],
        users: [{ name: 'user', token }],
        contexts: [{ name: 'user', cluster: admin.getCurrentCluster()!.name, user: 'user' }],
        currentContext: 'user',
      });
      return kubeConfig;
    };

    before(async () => {
      await writeTokens(dataDir, [
        { token: 'viewer-token', user: 'viewer', groups: ['migration-viewers'] },
        { token: 'nobody-token', user: 'nobody' },
      ]);
      await grantRole(admin, {
        role: 'plan-reader',
        rules: [{ apiGroups: [group], resources: ['plans'], verbs: ['get', 'list', 'watch'] }],
        group: 'migration-viewers',
        namespace,
      });
    });

    test('an unknown token is refused with 401', async () => {
      const { code } = await statusOf(
        as('forged').makeApiClient(CustomObjectsApi).listNamespacedCustomObject(plans),
      );
      assert.equal(code, 401);
    });

    test('a user reads what a RoleBinding grants in that namespace and nothing else', async () => {
      const viewer = as('viewer-token').makeApiClient(CustomObjectsApi);
      await viewer.listNamespacedCustomObject(plans);
      const create = await statusOf(
        viewer.createNamespacedCustomObject({ ...plans, body: plan('not-allowed') }),
      );
      assert.equal(create.code, 403);
      assert.equal(
        create.body.message,
        `plans is forbidden: User "viewer" cannot create resource "plans" in API group "${group}" in the namespace "${namespace}"`,
      );
      const everywhere = await statusOf(
        viewer.listClusterCustomObject({ group, version, plural: 'plans' }),
      );
      assert.equal(everywhere.code, 403);
      const nobody = await statusOf(
        as('nobody-token').makeApiClient(CustomObjectsApi).listNamespacedCustomObject(plans),
      );
      assert.equal(nobody.code, 403);
    });

    test('a SelfSubjectAccessReview tells each user what they may do', async () => {
      const review = async (token: string | undefined, verb: string) => {
        const response = await httpsRequest(
          `${server.url}/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`,
          token ? withoutCertificate : asAdmin,
          {
            method: 'POST',
            headers: bearer(token),
            body: JSON.stringify({
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: { resourceAttributes: { verb, group, resource: 'plans', namespace } },
            }),
          },
        );
        assert.equal(response.status, 201);
        return response.json<{ status: { allowed: boolean } }>().status.allowed;
      };
      assert.equal(await review('viewer-token', 'list'), true);
      assert.equal(await review('viewer-token', 'delete'), false);
      assert.equal(await review(undefined, 'delete'), true, 'the administrator may do all');
    });
  });
});
