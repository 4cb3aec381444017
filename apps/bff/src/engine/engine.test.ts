// The engine against the embedded Kubernetes API and vcsim: Providers and Hosts created the way a
// user would, their status followed as the controllers write it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, utimes } from 'node:fs/promises';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  ForkliftControllerModel,
  HostModel,
  ProviderModel,
  type ForkliftController,
  type K8sModel,
  type Provider,
} from '@forklift-console/api';
import { startVcsim, type Vcsim } from '../../../../scripts/vcsim.ts';
import { makeSampleOva, makeSampleOvf } from '../../../../scripts/sample-ova.ts';
import { createLogger } from '../logging.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import { createInventoryRegistry, type InventoryRegistry } from '../inventory/registry.ts';
import { startEngine, type Engine } from './engine.ts';
import { startProviderInventory } from './providers/inventory-starter.ts';
import { fetchCertificatePem } from './providers/test-certificate.ts';
import { REMOTE_TOKEN, startRemoteCluster } from '../test-support/remote-cluster.ts';

const NAMESPACE = 'engine-test';
const WRONG_PASSWORD = 'wrong-password-4711';
const REJECTED_TOKEN = 'rejected-token-0815';

type Status = {
  phase?: string;
  conditions?: {
    type: string;
    status: string;
    category: string;
    reason?: string;
    message?: string;
  }[];
  observedGeneration?: number;
  secretResourceVersion?: string;
  fingerprint?: string;
};

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
};

describe('engine on the embedded API server with vcsim', { timeout: 300_000 }, () => {
  let api: TestApi;
  let inventories: InventoryRegistry;
  let engine: Engine;
  let plain: Vcsim;
  let secure: Vcsim;
  let core: CoreV1Api;
  let custom: CustomObjectsApi;
  let logText = '';

  const conditionOf = (status: Status | undefined, type: string) =>
    status?.conditions?.find((condition) => condition.type === type);

  const read = async <T extends { status?: Status }>(model: K8sModel, name: string) =>
    (await custom.getNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace: NAMESPACE,
      name,
    })) as T;

  /** Polls until the object's status satisfies `done`; fails with the last status seen. */
  const waitForStatus = async (
    model: K8sModel,
    name: string,
    done: (status: Status | undefined) => boolean,
    timeoutMs = 20_000,
  ): Promise<Status> => {
    const deadline = Date.now() + timeoutMs;
    let status: Status | undefined;
    while (Date.now() < deadline) {
      status = (await read<{ status?: Status }>(model, name)).status;
      if (done(status)) return status!;
      await sleep(100);
    }
    assert.fail(`${model.kind} ${name} did not get there; last status: ${JSON.stringify(status)}`);
  };

  const waitForPhase = (name: string, phase: string, timeoutMs?: number) =>
    waitForStatus(ProviderModel, name, (status) => status?.phase === phase, timeoutMs);

  const putSecret = async (name: string, data: Record<string, string>) => {
    const body = {
      metadata: { name, namespace: NAMESPACE },
      data: Object.fromEntries(
        Object.entries(data).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
      ),
    };
    try {
      await core.replaceNamespacedSecret({ name, namespace: NAMESPACE, body });
    } catch {
      await core.createNamespacedSecret({ namespace: NAMESPACE, body });
    }
  };

  const createCustom = (model: K8sModel, body: object) =>
    custom.createNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace: NAMESPACE,
      body: { apiVersion: FORKLIFT_API_VERSION, kind: model.kind, ...body },
    });

  const createProvider = (name: string, spec: Record<string, unknown>) =>
    createCustom(ProviderModel, {
      metadata: { name, namespace: NAMESPACE },
      spec: { type: 'vsphere', secret: { name, namespace: NAMESPACE }, ...spec },
    }) as Promise<Provider>;

  const credentials = (vcsim: Vcsim, extra: Record<string, string> = {}) => ({
    user: vcsim.username,
    password: vcsim.password,
    ...extra,
  });

  before(async () => {
    const logs = new Writable({
      write(chunk, _encoding, callback) {
        logText += chunk.toString();
        callback();
      },
    });
    const logger = createLogger('debug', logs);
    [plain, secure] = await Promise.all([
      startVcsim({ vms: 1 }),
      startVcsim({ vms: 1 }, undefined, { tls: true }),
    ]);
    api = await startTestApi('bff-engine-', { logger });
    const { kubeConfig } = api.connection;
    core = kubeConfig.makeApiClient(CoreV1Api);
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    await core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
    inventories = createInventoryRegistry();
    engine = await startEngine({
      kubeConfig,
      inventories,
      startInventory: startProviderInventory,
      ovaShareRoot: path.join(api.dataDir, 'ova-shares'),
      logger,
    });
  });

  after(async () => {
    await engine?.stop();
    await inventories?.stopAll();
    await api?.close();
    await plain?.stop();
    await secure?.stop();
  });

  test('a vSphere provider with a good Secret becomes Ready and its inventory loads', async () => {
    await putSecret('good', credentials(plain));
    const created = await createProvider('good', {
      url: plain.sdkUrl,
      settings: { sdkEndpoint: 'vcenter' },
    });
    const status = await waitForPhase('good', 'Ready');
    for (const type of ['ConnectionTestSucceeded', 'InventoryCreated', 'Ready']) {
      assert.equal(conditionOf(status, type)?.status, 'True', type);
    }
    assert.equal(
      conditionOf(status, 'InventoryCreated')?.message,
      'The inventory has been loaded.',
    );
    assert.equal(conditionOf(status, 'Ready')?.message, 'The provider is ready.');
    assert.equal(conditionOf(status, 'ConnectionInsecure')?.reason, 'PlainHttp');
    assert.equal(conditionOf(status, 'LoadInventory'), undefined, 'staged away at parity');
    assert.equal(status.observedGeneration, 1);
    const secret = await core.readNamespacedSecret({ name: 'good', namespace: NAMESPACE });
    assert.equal(status.secretResourceVersion, secret.metadata?.resourceVersion);
    assert.equal(status.fingerprint, undefined, 'plain http has no certificate');
    const inventory = inventories.get(created.metadata!.uid!);
    assert.ok(inventory?.hasParity());
    assert.equal(inventory?.list('hosts', { detail: 0 })?.length, 3);
  });

  test('a wrong password fails the connection; fixing the Secret makes it Ready', async () => {
    await putSecret('auth', { user: plain.username, password: WRONG_PASSWORD });
    const created = await createProvider('auth', { url: plain.sdkUrl });
    const failed = await waitForPhase('auth', 'ConnectionFailed');
    const condition = conditionOf(failed, 'ConnectionAuthFailed');
    assert.equal(condition?.category, 'Critical');
    assert.equal(condition?.message, 'Login failed: incorrect user name or password.');
    assert.equal(conditionOf(failed, 'Ready'), undefined);
    assert.equal(inventories.get(created.metadata!.uid!), undefined, 'no inventory without login');

    await putSecret('auth', credentials(plain));
    const fixed = await waitForPhase('auth', 'Ready');
    assert.equal(conditionOf(fixed, 'ConnectionAuthFailed'), undefined);
  });

  test('a Secret created after the provider is picked up', async () => {
    await createProvider('late-secret', { url: plain.sdkUrl });
    const invalid = await waitForPhase('late-secret', 'ValidationFailed');
    assert.equal(conditionOf(invalid, 'SecretNotValid')?.reason, 'NotFound');
    await putSecret('late-secret', credentials(plain));
    await waitForPhase('late-secret', 'Ready');
  });

  test('an invalid URL fails validation without dialling anything', async () => {
    await putSecret('bad-url', credentials(plain));
    await createProvider('bad-url', { url: 'vcenter.example.com/sdk' });
    const status = await waitForPhase('bad-url', 'ValidationFailed');
    const condition = conditionOf(status, 'UrlNotValid');
    assert.equal(condition?.reason, 'Malformed');
    assert.equal(condition?.category, 'Critical');
    assert.equal(conditionOf(status, 'ConnectionTestSucceeded'), undefined);
    assert.equal(conditionOf(status, 'ConnectionTestFailed'), undefined);
  });

  test('a self-signed vCenter: untrusted without cacert, Ready with it', async () => {
    await putSecret('tls', credentials(secure));
    await createProvider('tls', { url: secure.sdkUrl });
    const untrusted = await waitForPhase('tls', 'ConnectionFailed');
    assert.match(
      conditionOf(untrusted, 'ConnectionTestFailed')?.message ?? '',
      /TLS certificate of .* is not trusted \(self-signed certificate\)/,
    );

    await putSecret(
      'tls',
      credentials(secure, { cacert: await fetchCertificatePem(secure.sdkUrl) }),
    );
    const trusted = await waitForPhase('tls', 'Ready');
    assert.equal(conditionOf(trusted, 'ConnectionInsecure'), undefined);
    assert.match(trusted.fingerprint ?? '', /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
  });

  test('a self-signed vCenter with insecureSkipVerify is Ready with a warning', async () => {
    await putSecret('skip-tls', credentials(secure, { insecureSkipVerify: 'true' }));
    await createProvider('skip-tls', { url: secure.sdkUrl });
    const status = await waitForPhase('skip-tls', 'Ready');
    const warning = conditionOf(status, 'ConnectionInsecure');
    assert.equal(warning?.category, 'Warn');
    assert.equal(warning?.reason, 'SkipTLSVerification');
  });

  test('a vCenter that goes away fails within one requeue and recovers when it is back', async () => {
    const port = await freePort();
    const listen = `127.0.0.1:${port}`;
    let vcsim = await startVcsim({ vms: 1 }, undefined, { listen });
    try {
      await putSecret('flaky', credentials(vcsim));
      const created = await createProvider('flaky', { url: vcsim.sdkUrl });
      await waitForPhase('flaky', 'Ready');
      await vcsim.stop();
      // Ready re-tests every 30 s. A test that was in flight while vcsim stopped fails with the
      // connection closed under it; the next one (failed re-tests every 3 s) finds the port closed.
      const refused = `Could not connect to ${listen}: connection refused.`;
      const down = await waitForStatus(
        ProviderModel,
        'flaky',
        (status) =>
          status?.phase === 'ConnectionFailed' &&
          conditionOf(status, 'ConnectionTestFailed')?.message === refused,
        45_000,
      );
      assert.equal(conditionOf(down, 'ConnectionTestFailed')?.message, refused);
      assert.equal(inventories.get(created.metadata!.uid!), undefined);

      vcsim = await startVcsim({ vms: 1 }, undefined, { listen });
      // Failed re-tests every 3 s.
      await waitForPhase('flaky', 'Ready', 15_000);
      assert.ok(inventories.get(created.metadata!.uid!)?.hasParity());
    } finally {
      await vcsim.stop();
    }
  });

  test('the host cluster is Ready; other types say what is missing', async () => {
    await createCustom(ProviderModel, {
      metadata: { name: 'host', namespace: NAMESPACE },
      spec: { type: 'openshift', url: '', secret: {} },
    });
    const host = await waitForPhase('host', 'Ready');
    assert.equal(conditionOf(host, 'ConnectionTestSucceeded')?.status, 'True');
    assert.equal(conditionOf(host, 'InventoryCreated')?.status, 'True');
    const hostUid = (await read<Provider>(ProviderModel, 'host')).metadata!.uid!;
    assert.equal(inventories.get(hostUid)?.type, 'openshift');

    await createCustom(ProviderModel, {
      metadata: { name: 'ovirt', namespace: NAMESPACE },
      spec: { type: 'ovirt', url: 'https://engine.example.com/ovirt-engine/api', secret: {} },
    });
    const ovirt = await waitForPhase('ovirt', 'ValidationFailed');
    assert.equal(
      conditionOf(ovirt, 'ProviderTypeNotSupported')?.message,
      'This console does not support ovirt providers yet.',
    );
  });

  test('a remote OpenShift provider is Ready with a good token and says what is wrong otherwise', async () => {
    const remote = await startRemoteCluster('bff-engine-remote-');
    try {
      const createRemote = (name: string, url = remote.url) =>
        createProvider(name, { type: 'openshift', url }) as Promise<Provider>;

      await putSecret('remote', { token: remote.token, cacert: remote.cacert });
      const created = await createRemote('remote');
      const ready = await waitForPhase('remote', 'Ready');
      for (const type of ['ConnectionTestSucceeded', 'InventoryCreated', 'Ready']) {
        assert.equal(conditionOf(ready, type)?.status, 'True', type);
      }
      assert.equal(inventories.get(created.metadata!.uid!)?.summary().vmCount, 3);

      await putSecret('remote-bad-token', { token: REJECTED_TOKEN, cacert: remote.cacert });
      await createRemote('remote-bad-token');
      const rejected = await waitForPhase('remote-bad-token', 'ConnectionFailed');
      assert.equal(conditionOf(rejected, 'ConnectionAuthFailed')?.category, 'Critical');
      assert.match(conditionOf(rejected, 'ConnectionAuthFailed')?.message ?? '', /401/);
      // A corrected token is picked up through the Secret's watch.
      await putSecret('remote-bad-token', { token: remote.token, cacert: remote.cacert });
      await waitForPhase('remote-bad-token', 'Ready');

      await putSecret('remote-untrusted', { token: remote.token });
      await createRemote('remote-untrusted');
      const untrusted = await waitForPhase('remote-untrusted', 'ConnectionFailed');
      assert.match(
        conditionOf(untrusted, 'ConnectionTestFailed')?.message ?? '',
        /certificate .* is not trusted/,
      );

      await putSecret('remote-insecure', { token: remote.token, insecureSkipVerify: 'true' });
      await createRemote('remote-insecure');
      const insecure = await waitForPhase('remote-insecure', 'Ready');
      assert.equal(conditionOf(insecure, 'ConnectionInsecure')?.category, 'Warn');

      await putSecret('remote-away', { token: remote.token, cacert: remote.cacert });
      await createRemote('remote-away', `https://127.0.0.1:${await freePort()}`);
      const away = await waitForPhase('remote-away', 'ConnectionFailed');
      assert.match(conditionOf(away, 'ConnectionTestFailed')?.message ?? '', /connection refused/);
    } finally {
      await remote.close();
    }
  });

  test('an OVA provider on a folder of samples turns Ready and lists their VMs', async () => {
    const share = path.join(api.dataDir, 'ova-shares', 'nfs.example.com', 'ova');
    const createOva = (name: string, url: string) =>
      createCustom(ProviderModel, {
        metadata: { name, namespace: NAMESPACE },
        spec: { type: 'ova', url, secret: {} },
      }) as Promise<Provider>;

    await createOva('ova-missing', 'nfs.example.com:/ova');
    const missing = await waitForPhase('ova-missing', 'ConnectionFailed');
    assert.equal(
      conditionOf(missing, 'ConnectionTestFailed')?.message,
      `The share folder ${share} does not exist.`,
    );

    const files = [
      await makeSampleOva({ directory: share, name: 'web-01', disks: [{ capacityMiB: 1 }] }),
      await makeSampleOva({
        directory: share,
        name: 'Db Server',
        nics: [{ network: 'VM Network' }],
      }),
      await makeSampleOvf({ directory: path.join(share, 'app'), name: 'app-01' }),
      await makeSampleOvf({ directory: path.join(share, 'twice'), name: 'a' }),
      await makeSampleOvf({ directory: path.join(share, 'twice'), name: 'b' }),
    ];
    // The scan leaves files younger than 30 s for later, as files still being copied.
    const past = new Date(Date.now() - 60_000);
    for (const file of files) await utimes(file, past, past);

    const created = await createOva('ova', 'nfs://nfs.example.com/ova');
    const ready = await waitForPhase('ova', 'Ready');
    assert.equal(conditionOf(ready, 'ConnectionTestSucceeded')?.status, 'True');
    assert.equal(conditionOf(ready, 'InventoryCreated')?.status, 'True');
    assert.match(
      conditionOf(ready, 'InventoryScanErrors')?.message ?? '',
      /twice: The folder holds 2 \.ovf files \(a\.ovf, b\.ovf\); a folder may hold only one/,
    );
    const inventory = inventories.get(created.metadata!.uid!)!;
    const vms = inventory.list('vms', { detail: 2 }) as {
      name: string;
      concerns: { id: string }[];
    }[];
    assert.deepEqual(vms.map(({ name }) => name).sort(), ['Db Server', 'app-01', 'web-01']);
    const db = vms.find(({ name }) => name === 'Db Server')!;
    assert.ok(db.concerns.some(({ id }) => id === 'ova.name.invalid'));

    // The share now exists for the provider that found none: its periodic re-test sees it.
    await waitForPhase('ova-missing', 'Ready', 15_000);
  });

  test('uploads are enabled when both the provider and the ForkliftController say so', async () => {
    await mkdir(path.join(api.dataDir, 'ova-shares', 'nfs.example.com', 'uploads'), {
      recursive: true,
    });
    const createOva = (name: string, applianceManagement: string) =>
      createCustom(ProviderModel, {
        metadata: { name, namespace: NAMESPACE },
        spec: {
          type: 'ova',
          url: 'nfs.example.com:/uploads',
          secret: {},
          settings: { applianceManagement },
        },
      }) as Promise<Provider>;
    const appliance = (status: Status | undefined) =>
      status?.conditions?.filter(({ type }) => type.startsWith('ApplianceManagement')) ?? [];
    const hasAppliance = (type: string) => (status: Status | undefined) =>
      status?.phase === 'Ready' &&
      appliance(status)
        .map((condition) => condition.type)
        .join() === type;
    // The periodic pass of a Ready provider is 30 s away: within this, only the watch can have acted.
    const PROMPTLY_MS = 5_000;

    await createOva('uploads', 'true');
    const noController = await waitForStatus(
      ProviderModel,
      'uploads',
      hasAppliance('ApplianceManagementDisabled'),
    );
    assert.equal(conditionOf(noController, 'ApplianceManagementDisabled')?.category, 'Warn');
    assert.equal(
      conditionOf(noController, 'ApplianceManagementDisabled')?.reason,
      'NoForkliftController',
    );

    const controllerTarget = { ...ForkliftControllerModel, namespace: NAMESPACE };
    await custom.createNamespacedCustomObject({
      ...controllerTarget,
      body: {
        apiVersion: FORKLIFT_API_VERSION,
        kind: ForkliftControllerModel.kind,
        metadata: { name: 'forklift-controller', namespace: NAMESPACE },
        spec: { feature_ova_appliance_management: 'false' },
      },
    });
    const off = await waitForStatus(
      ProviderModel,
      'uploads',
      (status) => conditionOf(status, 'ApplianceManagementDisabled')?.reason === 'FeatureDisabled',
      PROMPTLY_MS,
    );
    assert.equal(off.phase, 'Ready', 'the switch is no blocker');
    assert.equal(
      conditionOf(off, 'ApplianceManagementDisabled')?.message,
      'The provider asks for appliance management, but the ForkliftController\'s feature_ova_appliance_management is not "true": uploads are refused.',
    );
    assert.equal(conditionOf(off, 'ApplianceManagementEnabled'), undefined);

    const setSwitch = async (value: 'true' | 'false') => {
      const controller = (await custom.getNamespacedCustomObject({
        ...controllerTarget,
        name: 'forklift-controller',
      })) as ForkliftController;
      await custom.replaceNamespacedCustomObject({
        ...controllerTarget,
        name: 'forklift-controller',
        body: {
          ...controller,
          spec: { ...controller.spec, feature_ova_appliance_management: value },
        },
      });
    };
    await setSwitch('true');
    const on = await waitForStatus(
      ProviderModel,
      'uploads',
      hasAppliance('ApplianceManagementEnabled'),
      PROMPTLY_MS,
    );
    const { status, category, reason, message } = conditionOf(on, 'ApplianceManagementEnabled')!;
    assert.deepEqual(
      { status, category, reason, message },
      {
        status: 'True',
        category: 'Advisory',
        reason: 'Enabled',
        message: 'Uploading OVA files through the console is enabled.',
      },
    );

    await setSwitch('false');
    await waitForStatus(
      ProviderModel,
      'uploads',
      hasAppliance('ApplianceManagementDisabled'),
      PROMPTLY_MS,
    );
    const provider = await read<Provider>(ProviderModel, 'uploads');
    assert.equal(provider.metadata?.generation, 1, 'only the status changed');
    assert.deepEqual(provider.spec?.settings, { applianceManagement: 'true' });

    // A provider that does not ask hears nothing of the switch; a typo in the setting is a warning.
    await setSwitch('true');
    await createOva('no-uploads', 'false');
    await createOva('typo', 'yes');
    const closed = await waitForPhase('no-uploads', 'Ready');
    assert.deepEqual(appliance(closed), []);
    const typo = await waitForPhase('typo', 'Ready');
    assert.deepEqual(appliance(typo), []);
    assert.equal(conditionOf(typo, 'SettingsNotValid')?.category, 'Warn');
    assert.equal(
      conditionOf(typo, 'SettingsNotValid')?.message,
      'applianceManagement must be "true" or "false", not "yes": uploads are refused.',
    );
  });

  test('a deleted provider’s inventory is stopped', async () => {
    await putSecret('doomed', credentials(plain));
    const created = await createProvider('doomed', { url: plain.sdkUrl });
    await waitForPhase('doomed', 'Ready');
    const uid = created.metadata!.uid!;
    assert.ok(inventories.get(uid));
    await custom.deleteNamespacedCustomObject({
      group: ProviderModel.group,
      version: ProviderModel.version,
      plural: ProviderModel.plural,
      namespace: NAMESPACE,
      name: 'doomed',
    });
    const deadline = Date.now() + 10_000;
    while (inventories.get(uid) && Date.now() < deadline) await sleep(100);
    assert.equal(inventories.get(uid), undefined);
  });

  describe('hosts', () => {
    const createHost = (name: string, spec: Record<string, unknown>) =>
      createCustom(HostModel, {
        metadata: { name, namespace: NAMESPACE },
        spec: {
          provider: { name: 'good', namespace: NAMESPACE },
          secret: { name: 'esxi', namespace: NAMESPACE },
          ...spec,
        },
      });

    const hostReady = (status: Status | undefined) =>
      conditionOf(status, 'Ready')?.status === 'True';

    before(async () => {
      await putSecret('esxi', { user: 'root', password: 'esxi-password' });
      await waitForPhase('good', 'Ready');
    });

    test('an ESXi host of the inventory with its vmk0 address is Ready', async () => {
      const inventory = inventories.get(
        (await read<Provider>(ProviderModel, 'good')).metadata!.uid!,
      )!;
      const esxi = inventory.get('hosts', 'host-21') as {
        networkAdapters: { ipAddress: string }[];
      };
      await createHost('by-id', { id: 'host-21', ipAddress: esxi.networkAdapters[0]!.ipAddress });
      const status = await waitForStatus(HostModel, 'by-id', hostReady);
      assert.equal(conditionOf(status, 'Ready')?.message, 'The host is ready.');
      assert.equal(status.observedGeneration, 1);
      assert.deepEqual(
        status.conditions?.map((condition) => condition.type),
        ['Ready'],
      );
    });

    test('a wrong IP address is IpNotValid, and correcting it makes the host Ready', async () => {
      await createHost('wrong-ip', { id: 'host-21', ipAddress: '192.0.2.55' });
      const status = await waitForStatus(HostModel, 'wrong-ip', (current) =>
        Boolean(conditionOf(current, 'IpNotValid')),
      );
      assert.equal(conditionOf(status, 'IpNotValid')?.category, 'Critical');
      assert.match(
        conditionOf(status, 'IpNotValid')?.message ?? '',
        /^192\.0\.2\.55 is not an address/,
      );
      assert.equal(conditionOf(status, 'Ready'), undefined);

      await custom.patchNamespacedCustomObject({
        group: HostModel.group,
        version: HostModel.version,
        plural: HostModel.plural,
        namespace: NAMESPACE,
        name: 'wrong-ip',
        body: [{ op: 'replace', path: '/spec/ipAddress', value: '127.0.0.1' }],
      });
      await waitForStatus(HostModel, 'wrong-ip', hostReady);
    });

    test('unknown host, missing Secret and a non-vSphere provider are reported', async () => {
      await createHost('unknown', { id: 'host-999', ipAddress: '127.0.0.1' });
      const unknown = await waitForStatus(HostModel, 'unknown', (status) =>
        Boolean(conditionOf(status, 'RefNotValid')),
      );
      assert.equal(conditionOf(unknown, 'RefNotValid')?.reason, 'NotFound');

      await createHost('no-secret', {
        id: 'host-21',
        ipAddress: '127.0.0.1',
        secret: { name: 'absent', namespace: NAMESPACE },
      });
      const noSecret = await waitForStatus(HostModel, 'no-secret', (status) =>
        Boolean(conditionOf(status, 'SecretNotValid')),
      );
      assert.equal(conditionOf(noSecret, 'SecretNotValid')?.reason, 'NotFound');
      await putSecret('absent', { user: 'root', password: 'esxi-password' });
      await waitForStatus(HostModel, 'no-secret', hostReady);

      await createHost('on-openshift', {
        id: 'host-21',
        ipAddress: '127.0.0.1',
        provider: { name: 'host', namespace: NAMESPACE },
      });
      const wrongType = await waitForStatus(HostModel, 'on-openshift', (status) =>
        Boolean(conditionOf(status, 'TypeNotValid')),
      );
      assert.equal(conditionOf(wrongType, 'TypeNotValid')?.category, 'Critical');
    });
  });

  test('no log line carries a password', () => {
    assert.ok(logText.length > 0, 'the engine logged something');
    for (const secret of [
      plain.password,
      secure.password,
      WRONG_PASSWORD,
      'esxi-password',
      REJECTED_TOKEN,
      REMOTE_TOKEN,
    ]) {
      assert.equal(logText.includes(secret), false, `a log line holds ${secret}`);
    }
  });
});
