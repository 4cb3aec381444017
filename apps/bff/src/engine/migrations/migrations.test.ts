// Cold migrations end to end: the engine on the embedded cluster with its workers (volumes, the
// CDI importer reading vcsim's datastore, the KubeVirt launcher) and vcsim as the vCenter. Plans
// of raw-copy vSphere VMs are started with a Migration the way the Start button makes one, and
// followed through their status, the objects they make and the bytes they copy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  type KubernetesObject,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  ForkliftControllerModel,
  HookModel,
  MigrationModel,
  PlanModel,
  ProviderModel,
  type K8sModel,
  type Migration,
  type Plan,
  type PlanSpec,
  type Provider,
} from '@forklift-console/api';
import { startEmbeddedCluster, type EmbeddedCluster } from '@forklift-console/embedded-cluster';
import { startVcsim, type Vcsim, type VcsimModel } from '../../../../../scripts/vcsim.ts';
import { createLogger } from '../../logging.ts';
import { createInventoryRegistry, type InventoryRegistry } from '../../inventory/registry.ts';
import { startEngine, type Engine } from '../engine.ts';
import { startProviderInventory } from '../providers/inventory-starter.ts';
import {
  claimFile,
  createVsphereEstate,
  readSourceDisk,
  type VsphereEstate,
} from '../../test-support/vsphere-estate.ts';

const MTV = 'openshift-mtv';
const SOURCE_NAMESPACE = 'migrations-test';
// Big enough that a copy is still under way when a test acts on it mid-copy.
const DISK_MIB = 256;

type Stored<T> = T & { metadata: { uid: string; name: string; namespace: string } };
type Labelled = KubernetesObject & { status?: Record<string, unknown> };

describe('cold migrations from vcsim on the embedded cluster', { timeout: 900_000 }, () => {
  let vcsim: Vcsim;
  let cluster: EmbeddedCluster;
  let dataDir: string;
  let inventories: InventoryRegistry;
  let engine: Engine;
  let custom: CustomObjectsApi;
  let objects: KubernetesObjectApi;
  let estate: VsphereEstate;

  const startTheEngine = async () => {
    engine = await startEngine({
      kubeConfig: cluster.kubeConfig,
      inventories,
      startInventory: startProviderInventory,
      ovaShareRoot: path.join(dataDir, 'ova-shares'),
      logger: createLogger('silent'),
    });
  };

  const read = async <T>(model: K8sModel, name: string, namespace: string) =>
    (await custom.getNamespacedCustomObject({
      group: model.group,
      version: model.version,
      plural: model.plural,
      namespace,
      name,
    })) as Stored<T>;

  const create = async <T>(model: K8sModel, name: string, namespace: string, spec: object) =>
    (await objects.create({
      apiVersion: FORKLIFT_API_VERSION,
      kind: model.kind,
      metadata: { name, namespace },
      spec,
    } as KubernetesObject)) as Stored<T>;

  const listLabelled = async (apiVersion: string, kind: string, labels: string) =>
    (
      await objects.list<Labelled>(
        apiVersion,
        kind,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        labels,
      )
    ).items;

  const setMaxInFlight = async (value: number) => {
    await custom.patchNamespacedCustomObject(
      {
        group: ForkliftControllerModel.group,
        version: ForkliftControllerModel.version,
        plural: ForkliftControllerModel.plural,
        namespace: MTV,
        name: 'forklift-controller',
        body: { spec: { controller_max_vm_inflight: value } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  };

  const vmIdOf = async (vmName: string): Promise<string> => {
    const provider = await read<Provider>(ProviderModel, 'vcsim', SOURCE_NAMESPACE);
    // The provider controller starts the inventory once the connection test passes.
    for (let tries = 0; !inventories.get(provider.metadata.uid) && tries < 600; tries += 1) {
      await sleep(100);
    }
    const inventory = inventories.get(provider.metadata.uid);
    assert.ok(await inventory?.waitForParity(60_000), 'the vcsim inventory loads');
    const vm = (inventory?.list('vms', { detail: 0 }) as { id: string; name: string }[]).find(
      (candidate) => candidate.name === vmName,
    );
    assert.ok(vm, `vcsim has ${vmName}`);
    return vm.id;
  };

  /** A Ready plan of `vmNames` into `targetNamespace`, started by a new Migration. */
  const startPlan = async (
    name: string,
    targetNamespace: string,
    vmNames: string[],
    extra: Partial<PlanSpec> = {},
    vmExtras: Partial<PlanSpec['vms'][number]>[] = [],
  ) => {
    const vms = await Promise.all(
      vmNames.map(async (vmName, index) => ({ id: await vmIdOf(vmName), ...vmExtras[index] })),
    );
    const plan = await create<Plan>(
      PlanModel,
      name,
      SOURCE_NAMESPACE,
      estate.planSpec(vms, { targetNamespace, skipGuestConversion: true, ...extra }),
    );
    await waitForPlan(name, (status) => holds(status, 'Ready'), 60_000);
    const migration = await create<Migration>(MigrationModel, `${name}-run`, SOURCE_NAMESPACE, {
      plan: { name, namespace: SOURCE_NAMESPACE },
      cancel: [],
    });
    return { plan, migration, ids: vms.map((vm) => vm.id) };
  };

  type PlanStatus = NonNullable<Plan['status']>;
  const holds = (
    status: { conditions?: { type: string; status: string }[] } | undefined,
    type: string,
  ) => (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

  /** Polls the plan until `done`; `watch` sees every status on the way. */
  const waitForPlan = async (
    name: string,
    done: (status: PlanStatus | undefined) => boolean,
    timeoutMs = 600_000,
    watch: (status: PlanStatus | undefined) => void | Promise<void> = () => {},
  ): Promise<PlanStatus> => {
    const deadline = Date.now() + timeoutMs;
    let status: PlanStatus | undefined;
    while (Date.now() < deadline) {
      status = (await read<Plan>(PlanModel, name, SOURCE_NAMESPACE)).status;
      await watch(status);
      if (done(status)) return status!;
      await sleep(200);
    }
    assert.fail(`plan ${name} did not get there; last status: ${JSON.stringify(status)}`);
  };

  const vmStatus = (status: PlanStatus | undefined, id: string) =>
    status?.migration?.vms?.find((vm) => vm.id === id);

  before(async () => {
    vcsim = await startVcsim({ vms: 6, 'disk-mib': DISK_MIB } as VcsimModel, undefined, {
      tls: true,
    });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bff-migrations-'));
    cluster = await startEmbeddedCluster({ dataDir, host: '127.0.0.1' });
    custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
    estate = await createVsphereEstate(cluster.kubeConfig, vcsim, {
      namespace: SOURCE_NAMESPACE,
      storageClass: 'local-disks',
    });
    inventories = createInventoryRegistry();
    await startTheEngine();
  });

  after(async () => {
    await engine?.stop();
    await inventories?.stopAll();
    await cluster?.close();
    await vcsim?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('with max in-flight 1, three VMs of one host migrate one at a time, byte for byte, and run', async () => {
    await setMaxInFlight(1);
    const names = ['DC0_H0_VM0', 'DC0_H0_VM1', 'DC0_H0_VM5'];
    const { plan, ids } = await startPlan('raw-copy', 'raw-copy', names, {
      targetPowerState: 'on',
    });
    let sawPending = false;
    let sawWaitingMessage = false;
    const done = await waitForPlan(
      'raw-copy',
      (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
      600_000,
      (status) => {
        const running = ids.filter((id) => {
          const vm = vmStatus(status, id);
          return vm?.started && !vm.completed;
        });
        assert.ok(
          running.length <= 1,
          `one VM at a time: ${JSON.stringify(status?.migration?.vms)}`,
        );
        const pending = ids
          .map((id) => vmStatus(status, id)?.conditions?.find((c) => c.type === 'Pending'))
          .find(Boolean);
        if (pending) {
          sawPending = true;
          assert.equal(
            pending.message,
            'Waiting to start migration: in-flight limit reached (max 1).',
          );
        }
        const ready = status?.conditions?.find((c) => c.type === 'Ready');
        if (ready?.message === '2 VM(s) waiting to start migration (in-flight limit: 1).') {
          sawWaitingMessage = true;
        }
      },
    );
    assert.ok(holds(done, 'Succeeded'), JSON.stringify(done.migration?.vms?.map((vm) => vm.error)));
    assert.ok(sawPending, 'the later VMs waited with the reason');
    assert.ok(sawWaitingMessage, 'the plan said how many VMs wait');
    assert.equal(holds(done, 'Executing'), false);
    assert.ok(done.migration?.completed);

    for (const id of ids) {
      const vm = vmStatus(done, id)!;
      assert.ok(holds(vm, 'Succeeded'), id);
      assert.equal(vm.phase, 'Completed');
      assert.equal(vm.restorePowerState, 'On');
      assert.deepEqual(
        vm.pipeline.map((step) => [step.name, step.phase]),
        [
          ['Initialize', 'Completed'],
          ['DiskTransfer', 'Completed'],
          ['VirtualMachineCreation', 'Completed'],
        ],
      );
      const transfer = vm.pipeline[1]!;
      assert.deepEqual(transfer.progress, { completed: DISK_MIB, total: DISK_MIB });
      assert.equal(transfer.tasks?.length, 1);
      assert.equal(transfer.tasks?.[0]?.annotations?.unit, 'MB');
      assert.ok(transfer.started && transfer.completed);
    }

    // The Migration mirrors its snapshot.
    let migration = await read<Migration>(MigrationModel, 'raw-copy-run', SOURCE_NAMESPACE);
    for (let tries = 0; !holds(migration.status, 'Succeeded') && tries < 100; tries += 1) {
      await sleep(100);
      migration = await read<Migration>(MigrationModel, 'raw-copy-run', SOURCE_NAMESPACE);
    }
    assert.ok(holds(migration.status, 'Succeeded'), JSON.stringify(migration.status));
    assert.ok(migration.status?.completed);
    assert.equal(migration.status?.vms?.length, 3);
    assert.equal(migration.metadata.ownerReferences?.[0]?.uid, plan.metadata.uid);

    const labels = `plan=${plan.metadata.uid}`;
    assert.deepEqual(
      await listLabelled('cdi.kubevirt.io/v1beta1', 'DataVolume', labels),
      [],
      'the DataVolumes are deleted once the VM has its disks',
    );
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'bff-migrations-compare-'));
    try {
      for (const [index, id] of ids.entries()) {
        const [target] = await listLabelled(
          'kubevirt.io/v1',
          'VirtualMachine',
          `${labels},vmID=${id}`,
        );
        assert.ok(target, `a VirtualMachine for ${id}`);
        const claims = (await listLabelled(
          'v1',
          'PersistentVolumeClaim',
          `${labels},vmID=${id}`,
        )) as V1PersistentVolumeClaim[];
        assert.equal(claims.length, 1);
        assert.equal(claims[0]?.metadata?.ownerReferences?.[0]?.uid, target.metadata?.uid);
        const copied = await claimFile(cluster.kubeConfig, 'raw-copy', claims[0]!.metadata!.name!);
        const original = await readSourceDisk(vcsim, names[index]!, scratch);
        await promisify(execFile)('qemu-img', [
          'compare',
          '-f',
          'raw',
          '-F',
          'raw',
          original,
          copied,
        ]);
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    // targetPowerState on: each boots.
    const deadline = Date.now() + 300_000;
    for (const id of ids) {
      for (;;) {
        const [target] = await listLabelled(
          'kubevirt.io/v1',
          'VirtualMachine',
          `${labels},vmID=${id}`,
        );
        if (target?.status?.printableStatus === 'Running') break;
        assert.ok(Date.now() < deadline, `VM ${id} runs: ${JSON.stringify(target?.status)}`);
        await sleep(500);
      }
    }
    await setMaxInFlight(20);
  });

  test('a VM canceled mid-copy is Canceled and its disks are gone, while the other finishes', async () => {
    const names = ['DC0_C0_RP0_VM0', 'DC0_C0_RP0_VM1'];
    const { plan, ids } = await startPlan('cancel-one', 'cancel-one', names, {
      targetPowerState: 'off',
    });
    const [victim, survivor] = ids as [string, string];
    await waitForPlan(
      'cancel-one',
      (status) =>
        vmStatus(status, victim)?.pipeline.some(
          (step) =>
            step.name === 'DiskTransfer' && step.tasks?.some((task) => task.phase === 'Running'),
        ) ?? false,
    );
    await custom.patchNamespacedCustomObject(
      {
        group: MigrationModel.group,
        version: MigrationModel.version,
        plural: MigrationModel.plural,
        namespace: SOURCE_NAMESPACE,
        name: 'cancel-one-run',
        body: { spec: { cancel: [{ id: victim }] } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const done = await waitForPlan(
      'cancel-one',
      (status) =>
        holds(status, 'Succeeded') || holds(status, 'Failed') || holds(status, 'Canceled'),
    );
    assert.ok(holds(done, 'Succeeded'), 'one succeeded and the other canceled: Succeeded');
    const canceled = vmStatus(done, victim)!;
    assert.ok(holds(canceled, 'Canceled'));
    assert.equal(canceled.conditions?.find((c) => c.type === 'Canceled')?.reason, 'UserRequested');
    assert.ok(canceled.completed);
    assert.ok(holds(vmStatus(done, survivor), 'Succeeded'));
    assert.equal(canceled.restorePowerState, 'On');
    // It was on before the migration stopped it: canceling powers it on again.
    const provider = await read<Provider>(ProviderModel, 'vcsim', SOURCE_NAMESPACE);
    const powerDeadline = Date.now() + 60_000;
    for (;;) {
      const source = inventories.get(provider.metadata.uid)?.get('vms', victim) as
        { powerState?: string } | undefined;
      if (source?.powerState === 'poweredOn') break;
      assert.ok(Date.now() < powerDeadline, `the canceled VM is on again: ${source?.powerState}`);
      await sleep(200);
    }
    const victimLabels = `plan=${plan.metadata.uid},vmID=${victim}`;
    for (const [apiVersion, kind] of [
      ['cdi.kubevirt.io/v1beta1', 'DataVolume'],
      ['v1', 'PersistentVolumeClaim'],
      ['kubevirt.io/v1', 'VirtualMachine'],
      ['v1', 'Pod'],
    ] as const) {
      assert.deepEqual(await listLabelled(apiVersion, kind, victimLabels), [], `no ${kind} left`);
    }
    assert.equal(
      (
        await listLabelled(
          'kubevirt.io/v1',
          'VirtualMachine',
          `plan=${plan.metadata.uid},vmID=${survivor}`,
        )
      ).length,
      1,
    );
  });

  test('an engine restarted mid-copy finishes the plan without making anything twice', async () => {
    const names = ['DC0_H0_VM2', 'DC0_C0_RP0_VM2'];
    const { plan, ids } = await startPlan('restarted', 'restarted', names, {
      targetPowerState: 'off',
    });
    const labels = `plan=${plan.metadata.uid}`;
    let most = { dataVolumes: 0, machines: 0 };
    const countByVm = async () => {
      for (const id of ids) {
        const at = `${labels},vmID=${id}`;
        const dataVolumes = (await listLabelled('cdi.kubevirt.io/v1beta1', 'DataVolume', at))
          .length;
        const machines = (await listLabelled('kubevirt.io/v1', 'VirtualMachine', at)).length;
        most = {
          dataVolumes: Math.max(most.dataVolumes, dataVolumes),
          machines: Math.max(most.machines, machines),
        };
      }
    };
    await waitForPlan(
      'restarted',
      (status) =>
        ids.some((id) =>
          vmStatus(status, id)?.pipeline.some(
            (step) =>
              step.name === 'DiskTransfer' && step.tasks?.some((task) => task.phase === 'Running'),
          ),
        ),
      600_000,
      countByVm,
    );
    await engine.stop();
    await sleep(2_000);
    await startTheEngine();
    const done = await waitForPlan(
      'restarted',
      (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
      600_000,
      countByVm,
    );
    assert.ok(holds(done, 'Succeeded'), JSON.stringify(done.migration?.vms?.map((vm) => vm.error)));
    await countByVm();
    assert.deepEqual(
      most,
      { dataVolumes: 1, machines: 1 },
      'one DataVolume and one VM per VM, ever',
    );
    assert.equal((await listLabelled('kubevirt.io/v1', 'VirtualMachine', labels)).length, 2);
    assert.equal((await listLabelled('v1', 'PersistentVolumeClaim', labels)).length, 2);
    assert.equal(done.migration?.history?.length, 1);
  });

  test('a restart re-runs only the failed VM; archive keeps the migrated VMs; deleting the plan takes its Migrations', async () => {
    // An AAP hook passes validation but is not run here: its VM fails at the PostHook, after its
    // VirtualMachine was made.
    await create(HookModel, 'aap', SOURCE_NAMESPACE, {
      aap: { jobTemplateId: 1, url: 'https://aap.example.com' },
    });
    const names = ['DC0_H0_VM3', 'DC0_C0_RP0_VM3'];
    const { plan, ids } = await startPlan(
      'restart',
      'restart',
      names,
      { targetPowerState: 'off' },
      [{ hooks: [{ step: 'PostHook', hook: { name: 'aap', namespace: SOURCE_NAMESPACE } }] }],
    );
    const [failing, passing] = ids as [string, string];
    const failed = await waitForPlan(
      'restart',
      (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
    );
    assert.ok(holds(failed, 'Failed'));
    const failedVm = vmStatus(failed, failing)!;
    assert.ok(holds(failedVm, 'Failed'));
    assert.deepEqual(failedVm.error, {
      phase: 'PostHook',
      reasons: ['Ansible Automation Platform hooks are not run yet.'],
    });
    assert.equal(
      failedVm.pipeline.find((step) => step.name === 'PostHook')?.error?.phase,
      'PostHook',
    );
    const succeeded = vmStatus(failed, passing)!;
    assert.ok(holds(succeeded, 'Succeeded'));
    const labels = `plan=${plan.metadata.uid}`;
    const [keptVm] = await listLabelled(
      'kubevirt.io/v1',
      'VirtualMachine',
      `${labels},vmID=${passing}`,
    );

    // The user drops the hook and restarts: a new Migration.
    await custom.patchNamespacedCustomObject(
      {
        group: PlanModel.group,
        version: PlanModel.version,
        plural: PlanModel.plural,
        namespace: SOURCE_NAMESPACE,
        name: 'restart',
        body: [{ op: 'remove', path: '/spec/vms/0/hooks' }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    await create<Migration>(MigrationModel, 'restart-again', SOURCE_NAMESPACE, {
      plan: { name: 'restart', namespace: SOURCE_NAMESPACE },
      cancel: [],
    });
    const done = await waitForPlan(
      'restart',
      (status) => (status?.migration?.history?.length ?? 0) === 2 && holds(status, 'Succeeded'),
    );
    assert.ok(holds(vmStatus(done, failing), 'Succeeded'));
    assert.equal(holds(vmStatus(done, failing), 'Failed'), false);
    assert.deepEqual(vmStatus(done, passing), succeeded, 'the succeeded VM was left as it was');
    const machines = await listLabelled('kubevirt.io/v1', 'VirtualMachine', labels);
    assert.equal(machines.length, 2, 'the failed run left no second VirtualMachine');
    assert.ok(machines.some((vm) => vm.metadata?.uid === keptVm?.metadata?.uid));
    assert.equal((await listLabelled('v1', 'PersistentVolumeClaim', labels)).length, 2);

    await custom.patchNamespacedCustomObject(
      {
        group: PlanModel.group,
        version: PlanModel.version,
        plural: PlanModel.plural,
        namespace: SOURCE_NAMESPACE,
        name: 'restart',
        body: { spec: { archived: true } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await waitForPlan('restart', (status) => holds(status, 'Archived'), 60_000);
    assert.equal((await listLabelled('kubevirt.io/v1', 'VirtualMachine', labels)).length, 2);
    assert.equal((await listLabelled('v1', 'PersistentVolumeClaim', labels)).length, 2);
    assert.deepEqual(await listLabelled('v1', 'Secret', labels), [], 'the per-VM Secrets are gone');

    await custom.deleteNamespacedCustomObject({
      group: PlanModel.group,
      version: PlanModel.version,
      plural: PlanModel.plural,
      namespace: SOURCE_NAMESPACE,
      name: 'restart',
    });
    const deadline = Date.now() + 60_000;
    while (
      (await listLabelled(FORKLIFT_API_VERSION, 'Migration', '')).some((m) =>
        ['restart-run', 'restart-again'].includes(m.metadata?.name ?? ''),
      )
    ) {
      assert.ok(Date.now() < deadline, 'the Migrations go with their plan');
      await sleep(200);
    }
    assert.equal(
      (await listLabelled('v1', 'PersistentVolumeClaim', labels)).length,
      2,
      "the disks a VirtualMachine owns are not the deleted plan's orphans",
    );
  });

  test('a failing pre-hook runs as a Job of the plan and fails its VM before the source is touched', async () => {
    const playbook = '- hosts: localhost\n  tasks:\n    - fail:\n        msg: the hook says no\n';
    await create(HookModel, 'refuse', SOURCE_NAMESPACE, {
      image: 'quay.io/kubev2v/hook-runner',
      playbook: Buffer.from(playbook).toString('base64'),
    });
    const { plan, ids } = await startPlan('hooked', 'hooked', ['DC0_H0_VM4'], {}, [
      { hooks: [{ step: 'PreHook', hook: { name: 'refuse', namespace: SOURCE_NAMESPACE } }] },
    ]);
    const labels = `plan=${plan.metadata.uid}`;
    let job: KubernetesObject | undefined;
    let config: (KubernetesObject & { data?: Record<string, string> }) | undefined;
    const done = await waitForPlan(
      'hooked',
      (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
      600_000,
      async () => {
        job ??= (await listLabelled('batch/v1', 'Job', `${labels},step=prehook`))[0];
        config ??= (await listLabelled('v1', 'ConfigMap', labels))[0];
      },
    );
    assert.ok(holds(done, 'Failed'));
    const vm = vmStatus(done, ids[0]!)!;
    assert.equal(vm.error?.phase, 'PreHook');
    assert.equal(vm.restorePowerState, undefined, 'the source was not asked about, nor stopped');
    assert.equal(vm.pipeline[1]?.name, 'PreHook');
    assert.ok(job, 'the hook ran as a Job');
    assert.equal(job.metadata?.namespace, SOURCE_NAMESPACE);
    assert.equal(job.metadata?.ownerReferences?.[0]?.uid, plan.metadata.uid);
    assert.equal(config?.data?.['playbook.yml'], playbook);
    assert.deepEqual(
      await listLabelled('batch/v1', 'Job', labels),
      [],
      'the failed VM is cleaned up',
    );
  });

  test('a Migration of a plan that does not exist says so', async () => {
    await create<Migration>(MigrationModel, 'orphan-run', SOURCE_NAMESPACE, {
      plan: { name: 'no-such-plan', namespace: SOURCE_NAMESPACE },
      cancel: [],
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const migration = await read<Migration>(MigrationModel, 'orphan-run', SOURCE_NAMESPACE);
      const condition = migration.status?.conditions?.find((c) => c.type === 'PlanNotValid');
      if (condition) {
        assert.equal(condition.reason, 'NotFound');
        assert.equal(condition.category, 'Critical');
        assert.equal(holds(migration.status, 'Ready'), false);
        return;
      }
      assert.ok(Date.now() < deadline, JSON.stringify(migration.status));
      await sleep(200);
    }
  });

  test('with guest conversion, virt-v2v copies and converts; its failed pod fails the VM and is kept for its log', async () => {
    const { plan, ids } = await startPlan('convert', 'convert', ['DC0_C0_RP0_VM4'], {
      skipGuestConversion: false,
      targetPowerState: 'off',
    });
    const done = await waitForPlan(
      'convert',
      (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
    );
    const vm = vmStatus(done, ids[0]!)!;
    assert.deepEqual(
      vm.pipeline.map((step) => step.name),
      [
        'Initialize',
        'DiskAllocation',
        'ImageConversion',
        'DiskTransferV2v',
        'VirtualMachineCreation',
      ],
    );
    assert.equal(
      vm.pipeline.find((step) => step.name === 'DiskAllocation')?.phase,
      'Completed',
      'the blank disks were allocated',
    );
    // Whatever virt-v2v stops at here (vcsim's disks hold a boot sector, not an operating system),
    // it does not convert: the VM fails with Forklift's sentence.
    assert.ok(holds(done, 'Failed'), JSON.stringify(vm));
    assert.equal(vm.error?.reasons[0], 'Guest conversion failed. See pod logs for details.');
    const pods = await listLabelled(
      'v1',
      'Pod',
      `plan=${plan.metadata.uid},vmID=${ids[0]},forklift.app=virt-v2v`,
    );
    assert.equal(pods.length, 1, 'the failed conversion pod stays for its log');
    assert.equal(pods[0]?.status?.phase, 'Failed');
  });
});
