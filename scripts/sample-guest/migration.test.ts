// A real guest migrated by the engine: vcsim holds the sample guest's fixture as the first disk of
// DC0_H0_VM0, and a cold vSphere Plan into the embedded cluster (created through the Kubernetes
// API as a user's YAML would be, guest conversion on) is started by a Migration. That is Forklift's
// default path for a local destination: blank DataVolumes, then the virt-v2v pod reads the VM
// through libvirt's vpx driver (`-i libvirt -ic vpx://…`, the disk over vcsim's /folder) and
// writes the converted disk into them; the engine then creates the VirtualMachine, powered on, and
// the test waits for `login:` on its serial console. The fixture's update-initramfs builds nothing
// (a full conversion, about 20 minutes under emulation, belongs in a benchmark); the first run
// builds it into the cache (minutes, as root, from Debian's mirror). No timing is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, KubernetesObjectApi } from '@kubernetes/client-node';
import {
  MigrationModel,
  PlanModel,
  ProviderModel,
  type Migration,
  type Plan,
  type Provider,
} from '@forklift-console/api';
import { startEmbeddedCluster } from '@forklift-console/embedded-cluster';
import { startVcsim } from '../vcsim.ts';
import { createLogger } from '../../apps/bff/src/logging.ts';
import { createInventoryRegistry } from '../../apps/bff/src/inventory/registry.ts';
import { startEngine } from '../../apps/bff/src/engine/engine.ts';
import { startProviderInventory } from '../../apps/bff/src/engine/providers/inventory-starter.ts';
import {
  createVsphereEstate,
  forkliftObject,
} from '../../apps/bff/src/test-support/vsphere-estate.ts';
import { buildSampleGuest } from './sample-guest.ts';
import { conversionSkipReason } from './skip.ts';
import { until } from './test-support.ts';

const NAMESPACE = 'guest-migration';
const SOURCE_VM = 'DC0_H0_VM0';

type PlanStatus = NonNullable<Plan['status']>;
const holds = (
  status: { conditions?: { type: string; status: string }[] } | undefined,
  type: string,
) => (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

test(
  'the engine migrates the sample guest from vcsim through virt-v2v, and the VM boots to a login prompt',
  { skip: conversionSkipReason(), timeout: 90 * 60_000 },
  async (t) => {
    const { fixture } = await buildSampleGuest({
      variants: ['fixture'],
      progress: (line) => t.diagnostic(line),
    });
    assert.ok(fixture);
    const vcsim = await startVcsim({ vms: 1 }, undefined, {
      tls: true,
      diskImages: { [SOURCE_VM]: fixture.rawDisk },
    });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sample-guest-migration-'));
    const cluster = await startEmbeddedCluster({ dataDir, host: '127.0.0.1' });
    const inventories = createInventoryRegistry();
    const engine = await startEngine({
      kubeConfig: cluster.kubeConfig,
      inventories,
      startInventory: startProviderInventory,
      ovaShareRoot: path.join(dataDir, 'ova-shares'),
      logger: createLogger('silent'),
    });
    // The guest stops with the cluster, before its folder goes.
    t.after(async () => {
      await engine.stop();
      await inventories.stopAll();
      await cluster.close();
      await vcsim.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    const objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
    const read = async <T>(model: typeof PlanModel, name: string) =>
      (await custom.getNamespacedCustomObject({
        group: model.group,
        version: model.version,
        plural: model.plural,
        namespace: NAMESPACE,
        name,
      })) as T & { metadata: { uid: string } };

    const estate = await createVsphereEstate(cluster.kubeConfig, vcsim, {
      namespace: NAMESPACE,
      storageClass: 'local-disks',
    });

    // The plan names the VM by its inventory id, as the wizard writes it.
    const provider = await read<Provider>(ProviderModel, 'vcsim');
    const inventory = await until(async () => inventories.get(provider.metadata.uid), Boolean, {
      timeoutMs: 120_000,
      what: 'the vcsim inventory to start',
    });
    assert.ok(await inventory?.waitForParity(120_000), 'the vcsim inventory loads');
    const vmId = (inventory?.list('vms', { detail: 0 }) as { id: string; name: string }[]).find(
      (vm) => vm.name === SOURCE_VM,
    )?.id;
    assert.ok(vmId, `vcsim has ${SOURCE_VM}`);

    await objects.create(
      forkliftObject(
        PlanModel.kind,
        'sample-guest',
        NAMESPACE,
        estate.planSpec([{ id: vmId }], { targetPowerState: 'on' }),
      ),
    );
    const readPlan = async () => (await read<Plan>(PlanModel, 'sample-guest')).status;
    await until(readPlan, (status) => holds(status, 'Ready'), {
      timeoutMs: 120_000,
      what: 'the plan to be Ready',
    });
    await objects.create(
      forkliftObject(MigrationModel.kind, 'sample-guest-run', NAMESPACE, {
        plan: { name: 'sample-guest', namespace: NAMESPACE },
        cancel: [],
      }),
    );
    const started = Date.now();
    const done: PlanStatus | undefined = await until(
      readPlan,
      (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
      { timeoutMs: 75 * 60_000, what: 'the migration to finish' },
    );
    t.diagnostic(`migration took ${Math.round((Date.now() - started) / 1000)} s`);
    const vm = done?.migration?.vms?.find((candidate) => candidate.id === vmId);
    assert.ok(holds(done, 'Succeeded'), JSON.stringify(vm?.error ?? done?.conditions));
    assert.ok(vm && holds(vm, 'Succeeded'));
    assert.equal(vm.phase, 'Completed');
    // Forklift's cold vSphere itinerary with virt-v2v copying the disks into blank volumes.
    assert.deepEqual(
      vm.pipeline.map((step) => [step.name, step.phase]),
      [
        ['Initialize', 'Completed'],
        ['DiskAllocation', 'Completed'],
        ['ImageConversion', 'Completed'],
        ['DiskTransferV2v', 'Completed'],
        ['VirtualMachineCreation', 'Completed'],
      ],
    );
    const migration = await until(
      () => read<Migration>(MigrationModel, 'sample-guest-run'),
      (candidate) => holds(candidate.status, 'Succeeded'),
      { timeoutMs: 60_000, what: 'the Migration to mirror Succeeded' },
    );
    assert.ok(migration.status?.completed);

    const plan = await read<Plan>(PlanModel, 'sample-guest');
    const [target] = (
      await objects.list(
        'kubevirt.io/v1',
        'VirtualMachine',
        NAMESPACE,
        undefined,
        undefined,
        undefined,
        undefined,
        `plan=${plan.metadata.uid},vmID=${vmId}`,
      )
    ).items;
    assert.ok(target?.metadata?.name, 'the migrated VirtualMachine');
    const launcher = await until(
      () =>
        core.listNamespacedPod({
          namespace: NAMESPACE,
          labelSelector: `vm.kubevirt.io/name=${target.metadata!.name}`,
        }),
      (pods) => pods.items.length > 0,
      { timeoutMs: 5 * 60_000, what: 'the launcher pod' },
    );
    const booting = Date.now();
    const consoleLog = () =>
      core
        .readNamespacedPodLog({
          namespace: NAMESPACE,
          name: launcher.items[0]!.metadata!.name!,
          container: 'guest-console-log',
        })
        .catch(() => '');
    const seen = await until(consoleLog, (log) => /login:/.test(log), {
      timeoutMs: 20 * 60_000,
      what: 'login: on the serial console',
    });
    t.diagnostic(`boot to login: took ${Math.round((Date.now() - booting) / 1000)} s`);
    assert.match(seen, /Debian GNU\/Linux 12 sample-guest ttyS0/);
  },
);
