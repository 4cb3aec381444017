// Bad input gets the clear 4xx kube-apiserver gives, and changes nothing: malformed metadata
// (422 naming the field), a body over the size limit (413), a field selector the kind does not
// support (400).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { httpsRequest } from '../test-support/https-request.ts';
import { MAX_BODY_BYTES } from './body.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const group = 'forklift.konveyor.io';
const version = 'v1beta1';
const namespace = 'bad-input';
const plans = { group, version, namespace, plural: 'plans' };

type Status = {
  kind: string;
  code: number;
  reason: string;
  message: string;
  details?: { causes?: { field: string; message: string }[] };
};

const plan = (metadata: Record<string, unknown>) => ({
  apiVersion: `${group}/${version}`,
  kind: 'Plan',
  metadata: { namespace, ...metadata },
  spec: {
    provider: { source: { name: 'vcenter' }, destination: { name: 'host' } },
    map: { network: { name: 'net-map' }, storage: { name: 'storage-map' } },
    targetNamespace: 'demo',
    vms: [],
  },
});

const refusal = async (promise: Promise<unknown>): Promise<Status> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) return JSON.parse(error.body as string) as Status;
    throw error;
  }
  assert.fail('the request succeeded');
};

const fields = (status: Status) => status.details?.causes?.map((cause) => cause.field);

describe('bad input to the embedded API server', () => {
  let api: TestServer;

  before(async () => {
    api = await startTestServer('kube-api-bad-input-');
    await api.core.createNamespace({ body: { metadata: { name: namespace } } });
  });

  after(async () => {
    await api?.close();
  });

  const planNames = async () =>
    ((await api.custom.listNamespacedCustomObject(plans)) as { items: Plan[] }).items.map(
      (item) => item.metadata.name,
    );
  type Plan = { metadata: { name: string; labels?: Record<string, string> } };

  test('a create with malformed metadata is refused with 422 naming each field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Not_A_Name' }, 'metadata.name'],
      [{ name: 'p', labels: { 'bad key!': 'x' } }, 'metadata.labels'],
      [{ name: 'p', labels: { app: 'has spaces' } }, 'metadata.labels'],
      [{ name: 'p', labels: { app: 7 } }, 'metadata.labels.app'],
      [{ name: 'p', labels: ['app'] }, 'metadata.labels'],
      [{ name: 'p', annotations: { note: { nested: true } } }, 'metadata.annotations.note'],
      [{ name: 'p', annotations: { big: 'x'.repeat(256 * 1024) } }, 'metadata.annotations'],
      [{ name: 'p', finalizers: ['not a finalizer'] }, 'metadata.finalizers'],
      [{ name: 'p', finalizers: 'example.com/x' }, 'metadata.finalizers'],
      [
        { name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c' }] },
        'metadata.ownerReferences.uid',
      ],
      [
        {
          name: 'p',
          ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 5 }],
        },
        'metadata.ownerReferences.uid',
      ],
    ];
    for (const [metadata, field] of cases) {
      const status = await refusal(
        api.custom.createNamespacedCustomObject({ ...plans, body: plan(metadata) }),
      );
      assert.equal(status.code, 422, JSON.stringify(metadata).slice(0, 80));
      assert.equal(status.reason, 'Invalid');
      assert.ok(fields(status)?.includes(field), `${field} in ${JSON.stringify(fields(status))}`);
    }
    assert.deepEqual(await planNames(), [], 'nothing was created');
  });

  test('a label key and value are checked as Kubernetes checks them', async () => {
    const status = await refusal(
      api.core.createNamespacedConfigMap({
        namespace,
        body: { metadata: { name: 'labelled', labels: { 'example.com/': 'x' } } },
      }),
    );
    assert.equal(
      status.message,
      'ConfigMap "labelled" is invalid: metadata.labels: Invalid value: "example.com/": name part must be non-empty',
    );
    await api.core.createNamespacedConfigMap({
      namespace,
      body: {
        metadata: {
          name: 'labelled',
          labels: { 'example.com/tier': 'a.b-c_d', empty: '' },
          annotations: { 'Example.com/Note': 'any text at all' },
          finalizers: ['example.com/keep'],
        },
      },
    });
    await api.core.patchNamespacedConfigMap(
      { name: 'labelled', namespace, body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  });

  test('an update or a patch whose result has bad metadata is refused and changes nothing', async () => {
    const created = (await api.custom.createNamespacedCustomObject({
      ...plans,
      body: plan({ name: 'kept', labels: { tier: 'gold' } }),
    })) as Plan;
    const patched = await refusal(
      api.custom.patchNamespacedCustomObject(
        { ...plans, name: 'kept', body: { metadata: { labels: { tier: 'not valid!' } } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    assert.equal(patched.code, 422);
    assert.deepEqual(fields(patched), ['metadata.labels']);
    const updated = await refusal(
      api.custom.replaceNamespacedCustomObject({
        ...plans,
        name: 'kept',
        body: { ...created, metadata: { ...created.metadata, ownerReferences: [{}] } },
      }),
    );
    assert.equal(updated.code, 422);
    assert.deepEqual(fields(updated), [
      'metadata.ownerReferences.apiVersion',
      'metadata.ownerReferences.kind',
      'metadata.ownerReferences.name',
      'metadata.ownerReferences.uid',
    ]);
    const stored = (await api.custom.getNamespacedCustomObject({ ...plans, name: 'kept' })) as Plan;
    assert.deepEqual(stored.metadata.labels, { tier: 'gold' });
  });

  test('a body over the size limit gets a 413 Status over a real connection', async () => {
    const body = JSON.stringify(
      plan({ name: 'huge', annotations: { x: 'x'.repeat(MAX_BODY_BYTES) } }),
    );
    const response = await httpsRequest(
      `${api.server.url}/apis/${group}/${version}/namespaces/${namespace}/plans`,
      api.asAdmin,
      { method: 'POST', body },
    );
    assert.equal(response.status, 413);
    const status = response.json<Status>();
    assert.deepEqual(
      { kind: status.kind, code: status.code, reason: status.reason, message: status.message },
      {
        kind: 'Status',
        code: 413,
        reason: 'RequestEntityTooLarge',
        message: `Request entity too large: limit is ${MAX_BODY_BYTES}`,
      },
    );
    assert.ok(!(await planNames()).includes('huge'));
  });

  test('a field selector on a field the kind does not offer, or in a bad syntax, is 400', async () => {
    const list = (fieldSelector: string) =>
      httpsRequest(
        `${api.server.url}/apis/${group}/${version}/namespaces/${namespace}/plans?fieldSelector=${encodeURIComponent(fieldSelector)}`,
        api.asAdmin,
      );
    const unsupported = await list('spec.warm=true');
    assert.equal(unsupported.status, 400);
    assert.deepEqual(
      { reason: unsupported.json<Status>().reason, message: unsupported.json<Status>().message },
      { reason: 'BadRequest', message: 'field label not supported: spec.warm' },
    );
    const badSyntax = await list('metadata.name in (kept)');
    assert.equal(badSyntax.status, 400);
    assert.match(badSyntax.json<Status>().message, /^invalid selector: /);
    const byName = await list('metadata.name=kept');
    assert.deepEqual(
      byName.json<{ items: Plan[] }>().items.map((item) => item.metadata.name),
      ['kept'],
    );
  });

  test("a Pod's status.phase and a Secret's type are field labels", async () => {
    await api.core.createNamespacedSecret({
      namespace,
      body: {
        metadata: { name: 'tls' },
        type: 'kubernetes.io/tls',
        data: { 'tls.crt': '', 'tls.key': '' },
      },
    });
    await api.core.createNamespacedSecret({ namespace, body: { metadata: { name: 'plain' } } });
    const secrets = await api.core.listNamespacedSecret({
      namespace,
      fieldSelector: 'type=kubernetes.io/tls',
    });
    assert.deepEqual(
      secrets.items.map((item) => item.metadata?.name),
      ['tls'],
    );
    const pods = await api.core.listNamespacedPod({
      namespace,
      fieldSelector: 'status.phase!=Running',
    });
    assert.deepEqual(pods.items, []);
  });
});
