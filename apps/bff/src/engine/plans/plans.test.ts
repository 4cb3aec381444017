// The plan controller against the embedded Kubernetes API, vcsim and the host cluster's own
// inventory: Plans from a vSphere provider to the host provider, created the way a user would,
// their conditions followed as the engine writes them, and fixed the way a user would fix them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoreV1Api, CustomObjectsApi, KubernetesObjectApi } from '@kubernetes/client-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  HookModel,
  NetworkAttachmentDefinitionModel,
  NetworkMapModel,
  PlanModel,
  ProviderModel,
  StorageClassModel,
  StorageMapModel,
  VirtualMachineModel,
  apiVersionOf,
  type K8sModel,
  type NetworkMapSpec,
  type PlanSpec,
  type Provider,
} from '@forklift-console/api';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { addPassthroughDevice } from '../../../../../e2e/support/vcsim-actions.ts';
import { createLogger } from '../../logging.ts';
import { startTestApi, type TestApi } from '../../test-support/embedded-api.ts';
import { createInventoryRegistry, type InventoryRegistry } from '../../inventory/registry.ts';
import { startEngine, type Engine } from '../engine.ts';
import { startProviderInventory } from '../providers/inventory-starter.ts';
import type { ProviderInventory } from '../../inventory/provider-inventory.ts';
import { createPlanReconciler } from './reconcile.ts';
import { createSourceAdapterCache } from '../migrations/sources/adapter-cache.ts';
import { DEMO_NAMESPACE } from '../../seed/sample-resources.ts';
import { ensureVcsimMaps } from '../../seed/vcsim-maps.ts';
import { ensureVcsimPlan, VCSIM_PLAN_NAME } from '../../seed/vcsim-plan.ts';
import { VCSIM_PROVIDER } from '../../seed/vcsim-provider.ts';

const NAMESPACE = 'plans-test';
const MTV = 'openshift-mtv';

type Condition = {
  type: string;
  status: string;
  category: string;
  reason?: string;
  message?: string;
  items?: string[];
  lastTransitionTime?: string;
};
type Status = { conditions?: Condition[]; observedGeneration?: number };
type Stored = { metadata?: { generation?: number }; status?: Status };

const pair = {
  source: { name: 'vcsim', namespace: NAMESPACE },
  destination: { name: 'host', namespace: MTV },
};

// vcsim puts its VMs' NICs on the distributed port group.
const vmNetworkOnly: NetworkMapSpec['map'] = [
  { source: { name: 'VM Network' }, destination: { type: 'pod' } },
];
const everyNetwork: NetworkMapSpec['map'] = [
  ...vmNetworkOnly,
  {
    source: { name: 'DC0_DVPG0' },
    destination: { type: 'multus', namespace: NAMESPACE, name: 'vm-bridge' },
  },
];

describe('plan controller on the embedded API server with vcsim', { timeout: 300_000 }, () => {
  let api: TestApi;
  let inventories: InventoryRegistry;
  let engine: Engine;
  let vcsim: Vcsim;
  let custom: CustomObjectsApi;
  let objects: KubernetesObjectApi;

  const conditionOf = (status: Status | undefined, type: string) =>
    status?.conditions?.find((condition) => condition.type === type);
  const isReady = (status: Status | undefined) => conditionOf(status, 'Ready')?.status === 'True';

  const read = async (model: K8sModel, name: string, namespace = NAMESPACE) =>
    (await custom.getNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace,
      name,
    })) as Stored;

  /** Polls until the object's status satisfies `done`; fails with the last status seen. */
  const waitFor = async (
    model: K8sModel,
    name: string,
    done: (status: Status | undefined) => boolean,
    timeoutMs = 30_000,
    namespace = NAMESPACE,
  ): Promise<Stored> => {
    const deadline = Date.now() + timeoutMs;
    let stored: Stored | undefined;
    while (Date.now() < deadline) {
      stored = await read(model, name, namespace);
      if (done(stored.status)) return stored;
      await sleep(100);
    }
    assert.fail(
      `${model.kind} ${name} did not get there; last status: ${JSON.stringify(stored?.status)}`,
    );
  };

  const create = (model: K8sModel, name: string, spec: object) =>
    objects.create({
      apiVersion: FORKLIFT_API_VERSION,
      kind: model.kind,
      metadata: { name, namespace: NAMESPACE },
      spec,
    } as KubernetesObject);

  const createPlan = (name: string, vms: PlanSpec['vms'], extra: Partial<PlanSpec> = {}) =>
    create(PlanModel, name, {
      provider: pair,
      targetNamespace: NAMESPACE,
      map: {
        network: { name: 'every-network', namespace: NAMESPACE },
        storage: { name: 'datastore', namespace: NAMESPACE },
      },
      vms,
      ...extra,
    });

  /** The id vcsim gave a VM, from the provider's inventory. */
  const vmIdOf = async (vmName: string): Promise<string> => {
    const provider = (await custom.getNamespacedCustomObject({
      group: ProviderModel.group,
      version: ProviderModel.version,
      plural: ProviderModel.plural,
      namespace: NAMESPACE,
      name: 'vcsim',
    })) as Provider;
    // The inventory starts once the provider's connection test passes, which may be still to come.
    const deadline = Date.now() + 30_000;
    let inventory = inventories.get(provider.metadata?.uid ?? '');
    while (!inventory && Date.now() < deadline) {
      await sleep(100);
      inventory = inventories.get(provider.metadata?.uid ?? '');
    }
    assert.ok(await inventory?.waitForParity(30_000), 'the vcsim inventory loads');
    const vm = (inventory?.list('vms', { detail: 0 }) as { id: string; name: string }[]).find(
      (candidate) => candidate.name === vmName,
    );
    assert.ok(vm, `vcsim has ${vmName}`);
    return vm.id;
  };

  /** A VM as the vcsim provider's inventory serves it, at full detail. */
  const inventoryVm = async (vmName: string) => {
    const id = await vmIdOf(vmName);
    const provider = (await custom.getNamespacedCustomObject({
      group: ProviderModel.group,
      version: ProviderModel.version,
      plural: ProviderModel.plural,
      namespace: NAMESPACE,
      name: 'vcsim',
    })) as Provider;
    return inventories.get(provider.metadata?.uid ?? '')?.get('vms', id) as {
      id: string;
      nics: { mac: string }[];
    };
  };

  before(async () => {
    vcsim = await startVcsim({ vms: 2 });
    api = await startTestApi('bff-plans-');
    const { kubeConfig } = api.connection;
    custom = kubeConfig.makeApiClient(CustomObjectsApi);
    objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    const core = kubeConfig.makeApiClient(CoreV1Api);
    for (const name of [NAMESPACE, MTV]) {
      await core.createNamespace({ body: { metadata: { name } } });
    }
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
    await create(NetworkMapModel, 'every-network', { provider: pair, map: everyNetwork });
    await create(StorageMapModel, 'datastore', {
      provider: pair,
      map: [{ source: { name: 'LocalDS_0' }, destination: { storageClass: 'hostpath-csi' } }],
    });
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

  test('an unmapped network names the VM, and fixing the map makes the plan Ready', async () => {
    await create(NetworkMapModel, 'partial', { provider: pair, map: vmNetworkOnly });
    await createPlan('unmapped', [{ name: 'DC0_H0_VM0' }], {
      map: {
        network: { name: 'partial', namespace: NAMESPACE },
        storage: { name: 'datastore', namespace: NAMESPACE },
      },
    });
    const id = await vmIdOf('DC0_H0_VM0');
    const blocked = await waitFor(PlanModel, 'unmapped', (status) =>
      Boolean(conditionOf(status, 'VMNetworksNotMapped')),
    );
    const condition = conditionOf(blocked.status, 'VMNetworksNotMapped');
    assert.equal(condition?.category, 'Critical');
    assert.equal(condition?.reason, 'NotValid');
    assert.deepEqual(condition?.items, [`id:${id} name:'DC0_H0_VM0'`]);
    assert.equal(conditionOf(blocked.status, 'Ready'), undefined);
    // The name is not DNS-1123: a warning that it will be renamed, which does not block.
    assert.equal(conditionOf(blocked.status, 'TargetNameNotValid')?.category, 'Warn');

    const map = (await read(NetworkMapModel, 'partial')) as Stored & { spec: NetworkMapSpec };
    await custom.replaceNamespacedCustomObject({
      group: NetworkMapModel.group,
      version: NetworkMapModel.version,
      plural: NetworkMapModel.plural,
      namespace: NAMESPACE,
      name: 'partial',
      body: { ...map, spec: { ...map.spec, map: everyNetwork } },
    });
    const ready = await waitFor(PlanModel, 'unmapped', isReady, 15_000);
    assert.equal(conditionOf(ready.status, 'VMNetworksNotMapped'), undefined);
    assert.equal(conditionOf(ready.status, 'Ready')?.message, 'The migration plan is ready.');
    // A condition that still holds keeps the time it first held.
    assert.equal(
      conditionOf(ready.status, 'TargetNameNotValid')?.lastTransitionTime,
      conditionOf(blocked.status, 'TargetNameNotValid')?.lastTransitionTime,
    );
    // The plan itself was not touched: the map's change alone re-validated it.
    assert.equal(ready.metadata?.generation, 1);
    assert.equal(ready.status?.observedGeneration, 1);
  });

  test('a critical concern appearing in vCenter turns a Ready plan to VMCriticalConcerns', async () => {
    const id = await vmIdOf('DC0_H0_VM1');
    await createPlan('critical', [{ id }]);
    await waitFor(PlanModel, 'critical', isReady);
    await addPassthroughDevice(vcsim, 'DC0_H0_VM1');
    // Well within the 30 s periodic pass: the inventory's change is what re-validates the plan.
    const blocked = await waitFor(
      PlanModel,
      'critical',
      (status) => Boolean(conditionOf(status, 'VMCriticalConcerns')),
      10_000,
    );
    const condition = conditionOf(blocked.status, 'VMCriticalConcerns');
    assert.equal(condition?.category, 'Critical');
    assert.deepEqual(condition?.items, [`id:${id} name:'DC0_H0_VM1'`]);
    assert.equal(conditionOf(blocked.status, 'Ready'), undefined);
  });

  test('a VM id the inventory lacks is VMNotFound', async () => {
    await vmIdOf('DC0_H0_VM0');
    await createPlan('not-found', [{ id: 'vm-99999' }]);
    const blocked = await waitFor(PlanModel, 'not-found', (status) =>
      Boolean(conditionOf(status, 'VMNotFound')),
    );
    const condition = conditionOf(blocked.status, 'VMNotFound');
    assert.equal(condition?.reason, 'NotFound');
    assert.deepEqual(condition?.items, ['id:vm-99999']);
    assert.equal(conditionOf(blocked.status, 'Ready'), undefined);
  });

  test('an archived plan gets Archived in place of Ready and keeps its other conditions', async () => {
    const plan = (await read(PlanModel, 'not-found')) as Stored & { spec: PlanSpec };
    await custom.replaceNamespacedCustomObject({
      group: PlanModel.group,
      version: PlanModel.version,
      plural: PlanModel.plural,
      namespace: NAMESPACE,
      name: 'not-found',
      body: { ...plan, spec: { ...plan.spec, archived: true } },
    });
    const archived = await waitFor(PlanModel, 'not-found', (status) =>
      Boolean(conditionOf(status, 'Archived')),
    );
    const condition = conditionOf(archived.status, 'Archived');
    assert.equal(condition?.category, 'Advisory');
    assert.equal(condition?.reason, 'UserRequested');
    assert.deepEqual(conditionOf(archived.status, 'VMNotFound')?.items, ['id:vm-99999']);
    assert.equal(archived.status?.observedGeneration, archived.metadata?.generation);
  });

  test('two references to one VM are DuplicateVM', async () => {
    const id = await vmIdOf('DC0_C0_RP0_VM0');
    await createPlan('duplicate', [{ name: 'DC0_C0_RP0_VM0' }, { id }]);
    const blocked = await waitFor(PlanModel, 'duplicate', (status) =>
      Boolean(conditionOf(status, 'DuplicateVM')),
    );
    const condition = conditionOf(blocked.status, 'DuplicateVM');
    assert.equal(condition?.reason, 'NotUnique');
    assert.deepEqual(condition?.items, [`id:${id} name:'DC0_C0_RP0_VM0'`]);
    assert.equal(conditionOf(blocked.status, 'Ready'), undefined);
  });

  test('a VirtualMachine with the chosen name and a MAC of the VM blocks until it is deleted', async () => {
    const vm = await inventoryVm('DC0_C0_RP0_VM1');
    const mac = vm.nics[0]?.mac;
    assert.ok(mac, 'vcsim gives its VMs a MAC');
    await createPlan('collision', [{ id: vm.id, targetName: 'web-01' }]);
    await waitFor(PlanModel, 'collision', isReady);
    const virtualMachine = {
      apiVersion: apiVersionOf(VirtualMachineModel),
      kind: VirtualMachineModel.kind,
      metadata: { name: 'web-01', namespace: NAMESPACE },
      spec: {
        runStrategy: 'Halted',
        template: {
          spec: {
            domain: { devices: { interfaces: [{ name: 'default', macAddress: mac, bridge: {} }] } },
            networks: [{ name: 'default', pod: {} }],
          },
        },
      },
    } as KubernetesObject;
    await objects.create(virtualMachine);
    // The destination cluster's inventory sees the VirtualMachine, which re-validates the plan.
    const blocked = await waitFor(
      PlanModel,
      'collision',
      (status) => Boolean(conditionOf(status, 'MacConflicts')),
      10_000,
    );
    const item = `id:${vm.id} name:'DC0_C0_RP0_VM1'`;
    assert.deepEqual(conditionOf(blocked.status, 'VMAlreadyExists')?.items, [item]);
    const conflict = conditionOf(blocked.status, 'MacConflicts');
    assert.deepEqual(conflict?.items, [item]);
    assert.match(conflict?.message ?? '', new RegExp(`used by ${NAMESPACE}/web-01`));
    assert.equal(conditionOf(blocked.status, 'Ready'), undefined);

    await objects.delete(virtualMachine);
    await waitFor(PlanModel, 'collision', isReady, 10_000);
  });

  test('a missing hook blocks the plan until the Hook exists and is Ready', async () => {
    const id = await vmIdOf('DC0_C0_RP0_VM1');
    const hook = { name: 'pre-check', namespace: NAMESPACE };
    await createPlan('hooked', [{ id, hooks: [{ step: 'PreHook', hook }] }]);
    const blocked = await waitFor(PlanModel, 'hooked', (status) =>
      Boolean(conditionOf(status, 'HookNotValid')),
    );
    assert.equal(conditionOf(blocked.status, 'HookNotValid')?.reason, 'NotFound');
    assert.deepEqual(conditionOf(blocked.status, 'HookNotValid')?.items, [
      `${NAMESPACE}/pre-check`,
    ]);

    await create(HookModel, 'pre-check', { image: 'quay.io/konveyor/hook-runner:latest' });
    const hookStatus = await waitFor(HookModel, 'pre-check', isReady);
    assert.equal(conditionOf(hookStatus.status, 'Ready')?.message, 'The hook is ready.');
    await waitFor(PlanModel, 'hooked', isReady, 15_000);
  });

  test('a plan judged at its generation keeps its verdict while an inventory reloads', async () => {
    const judged = await waitFor(PlanModel, 'hooked', isReady);
    const { items } = (await custom.listClusterCustomObject({
      group: ProviderModel.group,
      version: ProviderModel.version,
      plural: ProviderModel.plural,
    })) as { items: Provider[] };
    const { kubeConfig } = api.connection;
    // As after a restart of the BFF: the providers are Ready, their inventories still loading.
    const reconcile = createPlanReconciler({
      custom,
      core: kubeConfig.makeApiClient(CoreV1Api),
      findProvider: (namespace, name) =>
        items.find((p) => p.metadata?.namespace === namespace && p.metadata?.name === name),
      inventoryOf: () => ({ hasParity: () => false }) as ProviderInventory,
      findNetworkMap: () => undefined,
      findStorageMap: () => undefined,
      findHook: () => undefined,
      forkliftController: () => undefined,
      unjudgedReferences: () => [],
      execution: {
        kubeConfig,
        findProvider: () => undefined,
        findNetworkMap: () => undefined,
        findStorageMap: () => undefined,
        findSecret: () => undefined,
        dataVolumes: () => [],
        inventoryOf: () => undefined,
        forkliftController: () => undefined,
        migrations: () => [],
        plans: () => [],
        sourceAdapters: createSourceAdapterCache(),
      },
      logger: createLogger('silent'),
    });
    assert.deepEqual(await reconcile(`${NAMESPACE}/hooked`), { requeueAfterMs: 3_000 });
    assert.deepEqual((await read(PlanModel, 'hooked')).status, judged.status);
  });

  test('the --vcsim demo plan with the example maps turns Ready, and is made only once', async () => {
    const { kubeConfig } = api.connection;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: DEMO_NAMESPACE } } });
    await core.createNamespacedSecret({
      namespace: DEMO_NAMESPACE,
      body: {
        metadata: { name: 'vcsim-credentials' },
        stringData: { user: vcsim.username, password: vcsim.password },
      },
    });
    for (const resource of [
      {
        apiVersion: FORKLIFT_API_VERSION,
        kind: ProviderModel.kind,
        metadata: { name: VCSIM_PROVIDER, namespace: DEMO_NAMESPACE },
        spec: {
          type: 'vsphere',
          url: vcsim.sdkUrl,
          secret: { name: 'vcsim-credentials', namespace: DEMO_NAMESPACE },
        },
      },
      {
        apiVersion: apiVersionOf(NetworkAttachmentDefinitionModel),
        kind: NetworkAttachmentDefinitionModel.kind,
        metadata: { name: 'vm-bridge', namespace: DEMO_NAMESPACE },
        spec: { config: JSON.stringify({ cniVersion: '0.3.1', type: 'bridge', bridge: 'br1' }) },
      },
    ]) {
      await objects.create(resource as KubernetesObject);
    }
    const logger = createLogger('silent');
    await ensureVcsimMaps(kubeConfig, logger);
    assert.equal(await ensureVcsimPlan(kubeConfig, logger), true);
    const ready = await waitFor(PlanModel, VCSIM_PLAN_NAME, isReady, 30_000, DEMO_NAMESPACE);
    const blockers = ready.status?.conditions?.filter((c) => c.category === 'Critical');
    assert.deepEqual(blockers, []);
    assert.equal(await ensureVcsimPlan(kubeConfig, logger), false);
  });
});
