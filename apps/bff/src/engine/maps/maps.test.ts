// The map controllers against the embedded Kubernetes API, vcsim and the host cluster's own
// inventory: NetworkMaps and StorageMaps from a vSphere provider to the host provider, created the
// way a user would, their status followed as the engine writes it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoreV1Api, CustomObjectsApi, KubernetesObjectApi } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  NetworkAttachmentDefinitionModel,
  NetworkMapModel,
  ProviderModel,
  StorageClassModel,
  StorageMapModel,
  apiVersionOf,
  type K8sModel,
  type NetworkMapSpec,
  type StorageMapSpec,
} from '@forklift-console/api';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { destroyDatastore } from '../../../../../e2e/support/vcsim-actions.ts';
import { createLogger } from '../../logging.ts';
import { startTestApi, type TestApi } from '../../test-support/embedded-api.ts';
import { createInventoryRegistry, type InventoryRegistry } from '../../inventory/registry.ts';
import { startEngine, type Engine } from '../engine.ts';
import { startProviderInventory } from '../providers/inventory-starter.ts';

const NAMESPACE = 'maps-test';
const MTV = 'openshift-mtv';

type Status = {
  conditions?: {
    type: string;
    status: string;
    category: string;
    reason?: string;
    message?: string;
    items?: string[];
  }[];
  references?: { id?: string; name?: string; namespace?: string; type?: string }[];
  observedGeneration?: number;
};

const pair = {
  source: { name: 'vcsim', namespace: NAMESPACE },
  destination: { name: 'host', namespace: MTV },
};

describe('map controllers on the embedded API server with vcsim', { timeout: 300_000 }, () => {
  let api: TestApi;
  let inventories: InventoryRegistry;
  let engine: Engine;
  let vcsim: Vcsim;
  let custom: CustomObjectsApi;
  let objects: KubernetesObjectApi;

  const conditionOf = (status: Status | undefined, type: string) =>
    status?.conditions?.find((condition) => condition.type === type);
  const isReady = (status: Status | undefined) => conditionOf(status, 'Ready')?.status === 'True';

  const read = async (model: K8sModel, name: string) =>
    (
      (await custom.getNamespacedCustomObject({
        group: model.group,
        version: model.version,
        plural: model.plural,
        namespace: NAMESPACE,
        name,
      })) as { status?: Status }
    ).status;

  /** Polls until the map's status satisfies `done`; fails with the last status seen. */
  const waitForStatus = async (
    model: K8sModel,
    name: string,
    done: (status: Status | undefined) => boolean,
    timeoutMs = 30_000,
  ): Promise<Status> => {
    const deadline = Date.now() + timeoutMs;
    let status: Status | undefined;
    while (Date.now() < deadline) {
      status = await read(model, name);
      if (done(status)) return status!;
      await sleep(100);
    }
    assert.fail(`${model.kind} ${name} did not get there; last status: ${JSON.stringify(status)}`);
  };

  const createMap = (model: K8sModel, name: string, spec: NetworkMapSpec | StorageMapSpec) =>
    objects.create({
      apiVersion: FORKLIFT_API_VERSION,
      kind: model.kind,
      metadata: { name, namespace: NAMESPACE },
      spec,
    } as KubernetesObject);

  before(async () => {
    // Two datastores: vcsim places its VMs on the first, so the second can be destroyed.
    vcsim = await startVcsim({ vms: 1, datastores: 2 });
    api = await startTestApi('bff-maps-');
    const { kubeConfig } = api.connection;
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    for (const name of [NAMESPACE, MTV])
      await core.createNamespace({ body: { metadata: { name } } });
    await core.createNamespacedSecret({
      namespace: NAMESPACE,
      body: {
        metadata: { name: 'vcsim' },
        stringData: { user: vcsim.username, password: vcsim.password },
      },
    });
    const resources: KubernetesObject[] = [
      {
        apiVersion: FORKLIFT_API_VERSION,
        kind: ProviderModel.kind,
        metadata: { name: 'host', namespace: MTV },
        spec: { type: 'openshift', url: '', secret: {} },
      } as KubernetesObject,
      {
        apiVersion: FORKLIFT_API_VERSION,
        kind: ProviderModel.kind,
        metadata: { name: 'vcsim', namespace: NAMESPACE },
        spec: {
          type: 'vsphere',
          url: vcsim.sdkUrl,
          secret: { name: 'vcsim', namespace: NAMESPACE },
        },
      } as KubernetesObject,
      {
        apiVersion: apiVersionOf(StorageClassModel),
        kind: StorageClassModel.kind,
        metadata: { name: 'hostpath-csi' },
        provisioner: 'kubevirt.io.hostpath-provisioner',
      } as KubernetesObject,
      {
        apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
        kind: NetworkAttachmentDefinitionModel.kind,
        metadata: { name: 'vm-bridge', namespace: NAMESPACE },
        spec: { config: JSON.stringify({ cniVersion: '0.3.1', type: 'bridge', bridge: 'br1' }) },
      } as KubernetesObject,
    ];
    for (const resource of resources) await objects.create(resource);
    inventories = createInventoryRegistry();
    engine = await startEngine({
      kubeConfig,
      inventories,
      startInventory: startProviderInventory,
      ovaShareRoot: path.join(api.dataDir, 'ova-shares'),
      logger: createLogger('silent'),
    });
  });

  after(async () => {
    await engine?.stop();
    await inventories?.stopAll();
    await api?.close();
    await vcsim?.stop();
  });

  test('a NetworkMap and a StorageMap from vcsim to the host cluster turn Ready', async () => {
    await createMap(NetworkMapModel, 'good', {
      provider: pair,
      map: [
        { source: { name: 'VM Network' }, destination: { type: 'pod' } },
        {
          source: { name: 'DC0_DVPG0' },
          destination: { type: 'multus', namespace: NAMESPACE, name: 'vm-bridge' },
        },
      ],
    });
    await createMap(StorageMapModel, 'good', {
      provider: pair,
      map: [{ source: { name: 'LocalDS_0' }, destination: { storageClass: 'hostpath-csi' } }],
    });
    const network = await waitForStatus(NetworkMapModel, 'good', isReady);
    assert.equal(conditionOf(network, 'Ready')?.message, 'The network map is ready.');
    assert.deepEqual(
      network.references?.map(({ name }) => name),
      ['VM Network', 'DC0_DVPG0'],
    );
    assert.match(network.references?.[1]?.id ?? '', /^dvportgroup-\d+$/);
    assert.equal(network.observedGeneration, 1);
    assert.equal(network.conditions?.length, 1, JSON.stringify(network.conditions));

    const storage = await waitForStatus(StorageMapModel, 'good', isReady);
    assert.equal(storage.references?.length, 1);
    assert.match(storage.references?.[0]?.id ?? '', /^datastore-\d+$/);
    assert.equal(storage.references?.[0]?.name, 'LocalDS_0');
  });

  test('a datastore that does not exist is SourceStorageNotValid Warn and not Ready', async () => {
    await createMap(StorageMapModel, 'no-datastore', {
      provider: pair,
      map: [{ source: { name: 'LocalDS_9' }, destination: { storageClass: 'hostpath-csi' } }],
    });
    const status = await waitForStatus(StorageMapModel, 'no-datastore', (candidate) =>
      Boolean(conditionOf(candidate, 'SourceStorageNotValid')),
    );
    const condition = conditionOf(status, 'SourceStorageNotValid');
    assert.equal(condition?.category, 'Warn');
    assert.equal(condition?.reason, 'NotFound');
    assert.deepEqual(condition?.items, ['LocalDS_9']);
    assert.equal(conditionOf(status, 'Ready'), undefined);
  });

  test('a datastore destroyed in vcsim turns a Ready map not Ready', async () => {
    await createMap(StorageMapModel, 'second-datastore', {
      provider: pair,
      map: [{ source: { name: 'LocalDS_1' }, destination: { storageClass: 'hostpath-csi' } }],
    });
    const ready = await waitForStatus(StorageMapModel, 'second-datastore', isReady);
    const id = ready.references?.[0]?.id;
    await destroyDatastore(vcsim, 'LocalDS_1');
    // Well within the 30 s periodic pass: the inventory's change is what requeues the map.
    const gone = await waitForStatus(
      StorageMapModel,
      'second-datastore',
      (status) => !isReady(status),
      10_000,
    );
    const condition = conditionOf(gone, 'SourceStorageNotValid');
    assert.equal(condition?.category, 'Warn');
    assert.deepEqual(condition?.items, ['LocalDS_1']);
    assert.ok(id, 'the map had resolved the datastore before');
    assert.deepEqual(gone.references, []);
  });

  test('a NAD that does not exist is DestinationNetworkNotValid until it is created', async () => {
    await createMap(NetworkMapModel, 'no-nad', {
      provider: pair,
      map: [
        {
          source: { name: 'VM Network' },
          destination: { type: 'multus', namespace: NAMESPACE, name: 'late-bridge' },
        },
      ],
    });
    const status = await waitForStatus(NetworkMapModel, 'no-nad', (candidate) =>
      Boolean(conditionOf(candidate, 'DestinationNetworkNotValid')),
    );
    const condition = conditionOf(status, 'DestinationNetworkNotValid');
    assert.equal(condition?.category, 'Critical');
    assert.equal(condition?.reason, 'NotFound');
    assert.deepEqual(condition?.items, [`${NAMESPACE}/late-bridge`]);
    assert.equal(conditionOf(status, 'Ready'), undefined);

    await objects.create({
      apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
      kind: NetworkAttachmentDefinitionModel.kind,
      metadata: { name: 'late-bridge', namespace: NAMESPACE },
      spec: { config: JSON.stringify({ cniVersion: '0.3.1', type: 'bridge', bridge: 'br2' }) },
    } as KubernetesObject);
    const fixed = await waitForStatus(NetworkMapModel, 'no-nad', isReady, 10_000);
    assert.equal(conditionOf(fixed, 'DestinationNetworkNotValid'), undefined);
  });

  test('a map to a provider that is not openshift, or missing, says so', async () => {
    await createMap(NetworkMapModel, 'bad-pair', {
      provider: { source: { name: 'nowhere' }, destination: pair.source },
      map: [],
    });
    const status = await waitForStatus(NetworkMapModel, 'bad-pair', (candidate) =>
      Boolean(conditionOf(candidate, 'DestinationProviderNotValid')),
    );
    assert.equal(conditionOf(status, 'SourceProviderNotValid')?.reason, 'NotFound');
    assert.equal(conditionOf(status, 'DestinationProviderNotValid')?.reason, 'TypeNotValid');
    assert.equal(conditionOf(status, 'Ready'), undefined);
  });
});
