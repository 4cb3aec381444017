// Creating providers through the route against the embedded API server: what lands in Kubernetes,
// what the user gets back, and that a failure leaves no credentials behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { Provider } from '@forklift-console/api';
import { TEST_CA_CERTIFICATE } from '@forklift-console/api/test-support';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import { createLogger } from '../logging.ts';
import { providerCreateRoutes } from './create-routes.ts';

const NAMESPACE = 'providers-test';
const PEM = TEST_CA_CERTIFICATE;

const vsphereBody = (name: string) => ({
  name,
  type: 'vsphere',
  url: 'https://vcenter.example.com/sdk',
  settings: { sdkEndpoint: 'vcenter', vddkInitImage: 'quay.io/example/vddk:8.0.3' },
  credentials: {
    user: 'administrator@vsphere.local',
    password: 's3cret-password',
    insecureSkipVerify: 'false',
    cacert: PEM,
  },
});

describe('POST /api/v1/namespaces/:namespace/providers', () => {
  let routeTest: RouteTest;
  let app: FastifyInstance;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;

  const providerSecrets = async () =>
    (
      await core.listNamespacedSecret({
        namespace: NAMESPACE,
        labelSelector: 'createdForResourceType=providers',
      })
    ).items;

  const create = (body: object, namespace = NAMESPACE) =>
    app.inject({ method: 'POST', url: `/api/v1/namespaces/${namespace}/providers`, payload: body });

  before(async () => {
    const logger = createLogger('warn');
    routeTest = await startRouteTest('bff-provider-create-', providerCreateRoutes, {
      namespace: NAMESPACE,
      logger,
    });
    ({ app, core, custom } = routeTest);
  });

  after(() => routeTest?.close());

  test('creates the Secret, the Provider referencing it, and makes the Provider own the Secret', async () => {
    const response = await create(vsphereBody('vcenter-prod'));
    assert.equal(response.statusCode, 201);
    const provider = response.json<Provider>();
    assert.equal(provider.metadata?.name, 'vcenter-prod');
    assert.equal(provider.spec?.type, 'vsphere');
    assert.equal(provider.spec?.url, 'https://vcenter.example.com/sdk');
    assert.deepEqual(provider.spec?.settings, {
      sdkEndpoint: 'vcenter',
      vddkInitImage: 'quay.io/example/vddk:8.0.3',
    });
    // The answer is the Provider only: the credentials never travel back.
    assert.doesNotMatch(response.body, /s3cret-password|BEGIN CERTIFICATE/);

    const secretName = provider.spec?.secret.name ?? '';
    assert.match(secretName, /^vcenter-prod-.+/);
    assert.equal(provider.spec?.secret.namespace, NAMESPACE);
    const secret = await core.readNamespacedSecret({ name: secretName, namespace: NAMESPACE });
    assert.deepEqual(secret.metadata?.labels, {
      createdForProviderType: 'vsphere',
      createdForResourceType: 'providers',
    });
    const decoded = Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    );
    assert.deepEqual(decoded, vsphereBody('').credentials);
    assert.deepEqual(
      secret.metadata?.ownerReferences?.map(({ apiVersion, kind, name, uid }) => ({
        apiVersion,
        kind,
        name,
        uid,
      })),
      [
        {
          apiVersion: 'forklift.konveyor.io/v1beta1',
          kind: 'Provider',
          name: 'vcenter-prod',
          uid: provider.metadata?.uid,
        },
      ],
    );

    await custom.deleteNamespacedCustomObject({
      group: 'forklift.konveyor.io',
      version: 'v1beta1',
      plural: 'providers',
      namespace: NAMESPACE,
      name: 'vcenter-prod',
    });
    await assert.rejects(core.readNamespacedSecret({ name: secretName, namespace: NAMESPACE }));
  });

  test('a duplicate name answers 409 and leaves no orphaned Secret', async () => {
    assert.equal((await create(vsphereBody('duplicate'))).statusCode, 201);
    const before = await providerSecrets();

    const response = await create(vsphereBody('duplicate'));
    assert.equal(response.statusCode, 409);
    assert.match(response.json().message, /already exists/);
    assert.deepEqual(
      (await providerSecrets()).map((secret) => secret.metadata?.name),
      before.map((secret) => secret.metadata?.name),
    );
  });

  test('an OVA provider is an NFS URL and an empty Secret', async () => {
    const response = await create({
      name: 'ova-share',
      type: 'ova',
      url: '10.10.0.10:/ova',
      credentials: {},
    });
    assert.equal(response.statusCode, 201);
    const provider = response.json<Provider>();
    assert.equal(provider.spec?.url, '10.10.0.10:/ova');
    assert.equal(provider.spec?.settings, undefined);
    const secret = await core.readNamespacedSecret({
      name: provider.spec?.secret.name ?? '',
      namespace: NAMESPACE,
    });
    assert.deepEqual(secret.data ?? {}, {});
  });

  test('an OpenShift provider without a URL is this cluster; with one it needs a token', async () => {
    const local = await create({ name: 'host-cluster', type: 'openshift', credentials: {} });
    assert.equal(local.statusCode, 201);
    assert.equal(local.json<Provider>().spec?.url, undefined);

    const remote = await create({
      name: 'remote-cluster',
      type: 'openshift',
      url: 'https://api.remote.example.com:6443',
      credentials: { token: 'sha256~token', insecureSkipVerify: 'true' },
    });
    assert.equal(remote.statusCode, 201);
    assert.equal(remote.json<Provider>().spec?.url, 'https://api.remote.example.com:6443');
  });

  test('a bad request answers 400 naming the field, and creates nothing', async () => {
    const before = await providerSecrets();
    const cases: [object, RegExp][] = [
      [{ ...vsphereBody('Bad_Name') }, /body\/name/],
      [{ ...vsphereBody('x'), type: 'ovirt' }, /body\/type/],
      [{ ...vsphereBody('x'), url: 'http://vcenter.example.com/sdk' }, /body\/url/],
      [{ ...vsphereBody('x'), url: undefined }, /url/],
      [
        { ...vsphereBody('x'), credentials: { password: 'p', insecureSkipVerify: 'true' } },
        /body\/credentials.*user/,
      ],
      [
        { ...vsphereBody('x'), credentials: { ...vsphereBody('x').credentials, usr: 'typo' } },
        /body\/credentials has an unknown property "usr"/,
      ],
      [
        { ...vsphereBody('x'), credentials: { ...vsphereBody('x').credentials, cacert: 'junk' } },
        /body\/credentials\/cacert: The CA certificate must be PEM text/,
      ],
      [
        {
          ...vsphereBody('x'),
          credentials: {
            ...vsphereBody('x').credentials,
            cacert: PEM.slice(0, 200) + PEM.slice(-30),
          },
        },
        /body\/credentials\/cacert: The PEM text of the CA certificate does not hold/,
      ],
      [{ ...vsphereBody('x'), settings: { sdkEndpoint: 'vcsa' } }, /body\/settings\/sdkEndpoint/],
      [{ name: 'x', type: 'ova', url: 'not a share', credentials: {} }, /body\/url/],
      [
        { name: 'x', type: 'ova', url: 'https://nfs.example.com/ova', credentials: {} },
        /body\/url/,
      ],
      [{ name: 'x', type: 'ova', url: 'nfs:/ova', credentials: { user: 'u' } }, /credentials/],
      [
        { name: 'x', type: 'openshift', url: 'https://api.example.com:6443', credentials: {} },
        /body\/credentials.*token/,
      ],
      [{ name: 'x', type: 'openshift', credentials: { token: 't' } }, /body\/credentials/],
      [{ name: 'x', type: 'vsphere', url: 'https://h/sdk' }, /credentials/],
      [{ ...vsphereBody('x'), kind: 'Provider' }, /body has an unknown property "kind"/],
    ];
    for (const [body, message] of cases) {
      const response = await create(body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.match(response.json().message, message, JSON.stringify(body));
    }
    assert.equal((await providerSecrets()).length, before.length);
  });

  test('a value of the wrong JSON type is refused naming the field, never converted', async () => {
    const before = await providerSecrets();
    const cases: [object, RegExp][] = [
      // Coerced, this would create a provider called "true".
      [{ ...vsphereBody('x'), name: true }, /^body\/name must be string$/],
      [
        { ...vsphereBody('x'), credentials: { ...vsphereBody('x').credentials, password: 12345 } },
        /^body\/credentials\/password must be string$/,
      ],
      [
        {
          ...vsphereBody('x'),
          credentials: { ...vsphereBody('x').credentials, insecureSkipVerify: false },
        },
        /^body\/credentials\/insecureSkipVerify must be string$/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await create(body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.match(response.json().message, message, JSON.stringify(body));
    }
    assert.deepEqual(await providerSecrets(), before);
    await assert.rejects(
      custom.getNamespacedCustomObject({
        group: 'forklift.konveyor.io',
        version: 'v1beta1',
        plural: 'providers',
        namespace: NAMESPACE,
        name: 'true',
      }),
      /404|not found/i,
    );
  });

  test('a missing project is the API server’s 404, with nothing created', async () => {
    const response = await create(vsphereBody('anywhere'), 'no-such-project');
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /no-such-project/);
  });
});
