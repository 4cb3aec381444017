// A cold migration whose source is the host cluster's own KubeVirt, end to end on the embedded
// cluster: a running VM in `ocp-source` on a claim holding a tiny bootable disk is planned by its
// inventory id into `ocp-target` with the host provider on both sides. The engine stops the source
// (runStrategy Halted), clones its claim with a `pvc` DataVolume and recreates the VM, which boots
// the copied disk and writes its line on the serial console.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  Watch,
  type KubernetesObject,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import {
  DataVolumeModel,
  MigrationModel,
  PlanModel,
  ProviderModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
  type K8sModel,
  type Plan,
  type Provider,
} from '@forklift-console/api';
import { startEmbeddedCluster, type EmbeddedCluster } from '@forklift-console/embedded-cluster';
import { bootDisk } from '@forklift-console/embedded-cluster/test-support/boot-disk';
import { createLogger } from '../../logging.ts';
import { createInventoryRegistry, type InventoryRegistry } from '../../inventory/registry.ts';
import { startEngine, type Engine } from '../engine.ts';
import { startProviderInventory } from '../providers/inventory-starter.ts';
import { claimFile, forkliftObject } from '../../test-support/vsphere-estate.ts';

const MTV = 'openshift-mtv';
const SOURCE = 'ocp-source';
const TARGET = 'ocp-target';
const SOURCE_CLASS = 'ocp-disks';
const TARGET_CLASS = 'local-disks';
const PAIR = {
  source: { name: 'host', namespace: MTV },
  destination: { name: 'host', namespace: MTV },
};

type Labelled = KubernetesObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

describe(
  'a cold migration from the host KubeVirt on the embedded cluster',
  { timeout: 600_000 },
  () => {
    let cluster: EmbeddedCluster;
    let dataDir: string;
    let inventories: InventoryRegistry;
    let engine: Engine;
    let custom: CustomObjectsApi;
    let core: CoreV1Api;
    let objects: KubernetesObjectApi;

    const read = async <T>(model: K8sModel, name: string, namespace: string) =>
      (await custom.getNamespacedCustomObject({
        group: model.group,
        version: model.version,
        plural: model.plural,
        namespace,
        name,
      })) as T & { metadata: { uid: string; name: string } };

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

    /** Polls `get` until `until` holds of its value; undefined or a failed read is "not yet". */
    const eventually = async <T>(
      what: string,
      get: () => Promise<T | undefined>,
      until: (value: T) => boolean,
      timeoutMs = 180_000,
    ): Promise<T> => {
      const deadline = Date.now() + timeoutMs;
      let value: T | undefined;
      while (Date.now() < deadline) {
        value = await get().catch(() => undefined);
        if (value !== undefined && until(value)) return value;
        await sleep(250);
      }
      assert.fail(`${what}; last: ${JSON.stringify(value)}`);
    };

    const consoleOf = async (namespace: string, vmName: string) => {
      const { items } = await core.listNamespacedPod({
        namespace,
        labelSelector: `vm.kubevirt.io/name=${vmName}`,
      });
      const running = items.find((pod) => pod.status?.phase === 'Running');
      if (!running) return '';
      return core.readNamespacedPodLog({
        namespace,
        name: running.metadata?.name ?? '',
        container: 'guest-console-log',
      });
    };

    const startTheEngine = async () => {
      engine = await startEngine({
        kubeConfig: cluster.kubeConfig,
        inventories,
        startInventory: startProviderInventory,
        ovaShareRoot: path.join(dataDir, 'ova-shares'),
        logger: createLogger('silent'),
      });
    };

    const holds = (status: Plan['status'] | undefined, type: string) =>
      (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

    /**
     * A source VM in SOURCE on a 16 MiB claim of SOURCE_CLASS holding a boot sector that prints
     * `line` and distinct random bytes; the claim made by a blank DataVolume or as a bare claim.
     */
    const makeSourceVm = async (
      name: string,
      line: string,
      {
        volume,
        power,
        grace = 5,
        userData,
      }: {
        volume: 'dataVolume' | 'persistentVolumeClaim';
        power: object;
        grace?: number;
        /** A cloud-init Secret the VM names by secretRef. */
        userData?: string;
      },
    ) => {
      const claimName = `${name}-root`;
      const storage = { resources: { requests: { storage: '16Mi' } } };
      if (volume === 'dataVolume') {
        await objects.create({
          apiVersion: 'cdi.kubevirt.io/v1beta1',
          kind: DataVolumeModel.kind,
          metadata: { name: claimName, namespace: SOURCE },
          spec: { source: { blank: {} }, storage: { storageClassName: SOURCE_CLASS, ...storage } },
        } as KubernetesObject);
        await eventually(
          'the blank DataVolume succeeds',
          () => read<Labelled>(DataVolumeModel, claimName, SOURCE),
          (dv) => dv.status?.phase === 'Succeeded',
        );
      } else {
        await core.createNamespacedPersistentVolumeClaim({
          namespace: SOURCE,
          body: {
            metadata: { name: claimName },
            spec: {
              storageClassName: SOURCE_CLASS,
              accessModes: ['ReadWriteOnce'],
              volumeMode: 'Block',
              ...storage,
            },
          },
        });
        await eventually(
          'the claim is bound',
          () => core.readNamespacedPersistentVolumeClaim({ name: claimName, namespace: SOURCE }),
          (claim) => claim.status?.phase === 'Bound',
        );
      }
      const file = await claimFile(cluster.kubeConfig, SOURCE, claimName);
      const disk = await open(file, 'r+');
      try {
        // The boot sector only: the rest of the claim keeps the data written below.
        await disk.write(bootDisk(line), 0, 512, 0);
        await disk.write(randomBytes(256 * 1024), 0, 256 * 1024, 4 * 1024 * 1024);
      } finally {
        await disk.close();
      }
      const vm = (await objects.create({
        apiVersion: 'kubevirt.io/v1',
        kind: VirtualMachineModel.kind,
        metadata: { name, namespace: SOURCE, labels: { app: name } },
        spec: {
          ...power,
          template: {
            spec: {
              // The boot sector halts with interrupts off and never answers ACPI: Stop kills it.
              terminationGracePeriodSeconds: grace,
              domain: {
                memory: { guest: '64Mi' },
                devices: {
                  disks: [
                    { name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 },
                    ...(userData ? [{ name: 'cloudinit', disk: { bus: 'virtio' } }] : []),
                  ],
                  interfaces: [{ name: 'default', masquerade: {} }],
                },
              },
              networks: [{ name: 'default', pod: {} }],
              volumes: [
                volume === 'dataVolume'
                  ? { name: 'root', dataVolume: { name: claimName } }
                  : { name: 'root', persistentVolumeClaim: { claimName } },
                ...(userData
                  ? [{ name: 'cloudinit', cloudInitNoCloud: { secretRef: { name: userData } } }]
                  : []),
              ],
            },
          },
        },
      } as KubernetesObject)) as Labelled & { metadata: { uid: string } };
      return { uid: vm.metadata.uid, file, claimName };
    };

    /** The VM's id in the host provider's inventory, once the inventory lists it. */
    const inventoryIdOf = async (name: string): Promise<string> => {
      const provider = await read<Provider>(ProviderModel, 'host', MTV);
      const inventory = await eventually(
        'the host inventory starts',
        async () => inventories.get(provider.metadata.uid),
        Boolean,
        60_000,
      );
      assert.ok(await inventory?.waitForParity(60_000), 'the host inventory loads');
      const listed = await eventually(
        `the inventory lists ${name}`,
        async () =>
          (inventory?.list('vms', { detail: 0, namespace: SOURCE }) ?? []) as {
            id: string;
            name: string;
          }[],
        (vms) => vms.some((vm) => vm.name === name),
        30_000,
      );
      return listed.find((vm) => vm.name === name)!.id;
    };

    /** Plans the VM into TARGET and, once the plan is Ready, starts it with a Migration. */
    const startMigration = async (planName: string, vmId: string) => {
      const plan = (await objects.create(
        forkliftObject('Plan', planName, MTV, {
          provider: PAIR,
          targetNamespace: TARGET,
          map: {
            network: { name: 'pods', namespace: MTV },
            storage: { name: 'classes', namespace: MTV },
          },
          vms: [{ id: vmId }],
        }),
      )) as Plan & { metadata: { uid: string } };
      await eventually(
        'the plan is Ready',
        async () => (await read<Plan>(PlanModel, planName, MTV)).status,
        (status) => holds(status, 'Ready'),
        60_000,
      );
      await objects.create(
        forkliftObject('Migration', `${planName}-run`, MTV, {
          plan: { name: planName, namespace: MTV },
          cancel: [],
        }),
      );
      return plan;
    };

    /**
     * Migrates the VM into TARGET and waits for the end; on the way, no
     * DataVolume of the plan may exist while the source still has an instance: cloning a disk the
     * guest still writes would copy it torn.
     */
    const migrate = async (planName: string, vmName: string, vmId: string) => {
      const sourceInstance = () =>
        custom
          .getNamespacedCustomObject({
            ...VirtualMachineInstanceModel,
            namespace: SOURCE,
            name: vmName,
          })
          .then(
            () => true,
            () => false,
          );
      // Watched, not polled: a small disk is cloned, and its DataVolume cleaned up, between polls.
      const clones: Labelled[] = [];
      const sourceRanAtClone: Promise<boolean>[] = [];
      const watching = await new Watch(cluster.kubeConfig).watch(
        `/apis/cdi.kubevirt.io/v1beta1/namespaces/${TARGET}/datavolumes`,
        {},
        (type: string, object: Labelled) => {
          if (type !== 'ADDED') return;
          clones.push(object);
          sourceRanAtClone.push(sourceInstance());
        },
        () => undefined,
      );
      let plan: Awaited<ReturnType<typeof startMigration>>;
      let done: Plan['status'];
      try {
        plan = await startMigration(planName, vmId);
        done = await eventually(
          'the plan finishes',
          async () => (await read<Plan>(PlanModel, planName, MTV)).status,
          (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
          420_000,
        );
      } finally {
        watching.abort();
      }
      const sawClone = clones.some((dv) => dv.metadata?.labels?.plan === plan.metadata.uid);
      const clonedWhileRunning = (await Promise.all(sourceRanAtClone)).some(Boolean);
      assert.equal(clonedWhileRunning, false, 'the source was off before its disk was cloned');
      const vmStatus = done?.migration?.vms?.find((vm) => vm.id === vmId);
      assert.ok(holds(done, 'Succeeded'), JSON.stringify(vmStatus, null, 1));
      assert.ok(sawClone, 'the disk was copied by a DataVolume of the plan');
      assert.deepEqual(
        vmStatus?.pipeline.map((step) => [step.name, step.phase]),
        [
          ['Initialize', 'Completed'],
          ['DiskTransfer', 'Completed'],
          ['VirtualMachineCreation', 'Completed'],
        ],
      );
      const migration = await read<Labelled>(MigrationModel, `${planName}-run`, MTV);
      assert.equal(migration.metadata?.ownerReferences?.[0]?.uid, plan.metadata.uid);
      return { plan, vmStatus: vmStatus! };
    };

    /** The target VM and its one claim, found by the plan's and the VM's labels. */
    const targetOf = async (planUid: string, vmId: string) => {
      const labels = `plan=${planUid},vmID=${vmId}`;
      const targets = await listLabelled('kubevirt.io/v1', 'VirtualMachine', labels);
      assert.equal(targets.length, 1, 'one VirtualMachine for the VM');
      const claims = (await listLabelled(
        'v1',
        'PersistentVolumeClaim',
        labels,
      )) as V1PersistentVolumeClaim[];
      assert.equal(claims.length, 1, 'one claim for its one disk');
      return { target: targets[0]!, claim: claims[0]! };
    };

    /** The clone holds the source's bytes (a larger clone only zeros past them). */
    const assertSameBytes = async (sourceFile: string, claimName: string) => {
      const copied = await claimFile(cluster.kubeConfig, TARGET, claimName);
      assert.notEqual(copied, sourceFile);
      await promisify(execFile)('qemu-img', [
        ...['compare', '-f', 'raw', '-F', 'raw'],
        ...[sourceFile, copied],
      ]);
    };

    const noTemporaryObjects = async (planUid: string) => {
      assert.deepEqual(
        await listLabelled('cdi.kubevirt.io/v1beta1', 'DataVolume', `plan=${planUid}`),
        [],
      );
      const pods = await listLabelled('v1', 'Pod', `plan=${planUid}`);
      assert.deepEqual(
        pods.map((pod) => pod.metadata?.name).filter((name) => !name?.startsWith('virt-launcher-')),
        [],
      );
    };

    before(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'bff-ocp-migration-'));
      cluster = await startEmbeddedCluster({ dataDir, host: '127.0.0.1' });
      custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
      core = cluster.kubeConfig.makeApiClient(CoreV1Api);
      objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
      for (const name of [MTV, SOURCE, TARGET]) {
        await objects.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      }
      for (const name of [SOURCE_CLASS, TARGET_CLASS]) {
        await objects.create({
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: { name },
          provisioner: 'kubevirt.io.hostpath-provisioner',
          reclaimPolicy: 'Delete',
        } as KubernetesObject);
      }
      inventories = createInventoryRegistry();
      await startTheEngine();
      // What a user makes: the host provider on both sides and the maps an OpenShift source needs.
      for (const resource of [
        forkliftObject('ForkliftController', 'forklift-controller', MTV, {}),
        forkliftObject('Provider', 'host', MTV, { type: 'openshift', url: '', secret: {} }),
        forkliftObject('NetworkMap', 'pods', MTV, {
          provider: PAIR,
          map: [{ source: { type: 'pod' }, destination: { type: 'pod' } }],
        }),
        forkliftObject('StorageMap', 'classes', MTV, {
          provider: PAIR,
          map: [{ source: { name: SOURCE_CLASS }, destination: { storageClass: TARGET_CLASS } }],
        }),
      ]) {
        await objects.create(resource);
      }
    });

    after(async () => {
      await engine?.stop();
      await inventories?.stopAll();
      await cluster?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    test('a running VM: the source stops, its disk is cloned byte for byte and the new VM boots it', async () => {
      const name = 'serial-hello';
      const line = 'hello from the cloned disk';
      await core.createNamespacedSecret({
        namespace: SOURCE,
        body: {
          metadata: { name: 'serial-hello-userdata', labels: { app: name } },
          stringData: { userdata: `#cloud-config\npassword: ${randomBytes(8).toString('hex')}\n` },
        },
      });
      const source = await makeSourceVm(name, line, {
        volume: 'dataVolume',
        power: { runStrategy: 'Always' },
        userData: 'serial-hello-userdata',
      });
      await eventually(
        'the source VM runs its disk',
        () => consoleOf(SOURCE, name),
        (log) => log.includes(line),
      );
      const vmId = await inventoryIdOf(name);
      assert.equal(vmId, source.uid, 'an OpenShift VM is known by its uid');

      const { plan, vmStatus } = await migrate('from-ocp', name, vmId);
      assert.equal(vmStatus.restorePowerState, 'On', 'it ran before the migration stopped it');
      const transfer = vmStatus.pipeline[1]!;
      assert.deepEqual(transfer.progress, { completed: 16, total: 16 });
      assert.deepEqual(
        transfer.tasks?.map((task) => [task.name, task.phase]),
        [[`${SOURCE}/${source.claimName}`, 'Completed']],
      );

      // The source was stopped by its runStrategy and, the migration having succeeded, stays off.
      const sourceVm = await read<Labelled>(VirtualMachineModel, name, SOURCE);
      assert.equal(sourceVm.spec?.runStrategy, 'Halted');
      assert.equal(sourceVm.spec?.running, undefined);
      await eventually(
        'the source VM is Stopped',
        () => read<Labelled>(VirtualMachineModel, name, SOURCE),
        (vm) => vm.status?.printableStatus === 'Stopped',
        30_000,
      );

      // The new VM, labelled with the plan and the VM's id, runs from a clone of the source's claim.
      const { target, claim } = await targetOf(plan.metadata.uid, vmId);
      assert.equal(target.metadata?.namespace, TARGET);
      assert.equal(target.metadata?.name, name);
      assert.equal(target.metadata?.labels?.app, name, "the source's labels come along");
      assert.equal(target.spec?.runStrategy, 'Always', 'auto restores the power it had: on');
      assert.equal(claim.metadata?.namespace, TARGET);
      assert.equal(
        claim.metadata?.name,
        source.claimName,
        "OCP's default name: the source claim's",
      );
      assert.equal(claim.spec?.storageClassName, TARGET_CLASS, 'the storage map chose its class');
      assert.equal(claim.metadata?.ownerReferences?.[0]?.uid, target.metadata?.uid);
      const volumes =
        (target.spec?.template as { spec?: { volumes?: Record<string, unknown>[] } }).spec
          ?.volumes ?? [];
      assert.deepEqual(volumes, [
        { name: 'root', persistentVolumeClaim: { claimName: claim.metadata?.name } },
        { name: 'cloudinit', cloudInitNoCloud: { secretRef: { name: 'serial-hello-userdata' } } },
      ]);
      await assertSameBytes(source.file, claim.metadata!.name!);

      // The cloud-init Secret the VM names is copied beside it, saying where it came from, and
      // stays: it is no temporary object of the plan.
      const [sourceSecret, copiedSecret] = await Promise.all(
        [SOURCE, TARGET].map((namespace) =>
          core.readNamespacedSecret({ namespace, name: 'serial-hello-userdata' }),
        ),
      );
      assert.ok(copiedSecret!.data?.userdata, 'the copy has the user data');
      assert.ok(
        copiedSecret!.data?.userdata === sourceSecret!.data?.userdata,
        'the copy has the same user data',
      );
      assert.deepEqual(copiedSecret!.metadata?.annotations, {
        'forklift.konveyor.io/source': `${SOURCE}/serial-hello-userdata`,
      });
      assert.deepEqual(copiedSecret!.metadata?.labels, { app: name });

      await eventually(
        'the new VM boots the copied disk',
        () => consoleOf(TARGET, name),
        (log) => log.includes(line),
      );
      assert.equal(
        (await read<Labelled>(VirtualMachineModel, name, TARGET)).status?.printableStatus,
        'Running',
      );
      await noTemporaryObjects(plan.metadata.uid);
    });

    test('a stopped VM on a bare claim (legacy `running: false`) is cloned and recreated stopped', async () => {
      const name = 'quiet-one';
      const source = await makeSourceVm(name, 'never printed', {
        volume: 'persistentVolumeClaim',
        power: { running: false },
      });
      const vmId = await inventoryIdOf(name);
      const { plan, vmStatus } = await migrate('from-ocp-stopped', name, vmId);
      assert.equal(vmStatus.restorePowerState, 'Off', 'it was off before the migration');

      // Stopping writes the runStrategy KubeVirt wants beside no `running`.
      const sourceVm = await read<Labelled>(VirtualMachineModel, name, SOURCE);
      assert.equal(sourceVm.spec?.runStrategy, 'Halted');
      assert.equal(sourceVm.spec?.running, undefined);

      const { target, claim } = await targetOf(plan.metadata.uid, vmId);
      assert.equal(target.spec?.runStrategy, 'Halted', 'auto restores the power it had: off');
      assert.equal(target.spec?.running, undefined);
      assert.equal(claim.metadata?.name, source.claimName);
      await assertSameBytes(source.file, claim.metadata!.name!);
      await eventually(
        'the new VM is Stopped',
        () => read<Labelled>(VirtualMachineModel, name, TARGET),
        (vm) => vm.status?.printableStatus === 'Stopped',
        30_000,
      );
      const { items } = await core.listNamespacedPod({
        namespace: TARGET,
        labelSelector: `vm.kubevirt.io/name=${name}`,
      });
      assert.deepEqual(items, [], 'no launcher for a VM that stays off');
      await noTemporaryObjects(plan.metadata.uid);
    });

    test('a VM canceled while its source stops is cleaned up and its source runs again', async () => {
      const name = 'changed-mind';
      const line = 'hello again after the cancel';
      // A long grace: KubeVirt waits for it before killing a guest that ignores ACPI, which keeps
      // the VM in WaitForPowerOff long enough to cancel it there.
      await makeSourceVm(name, line, {
        volume: 'dataVolume',
        power: { runStrategy: 'Always' },
        grace: 20,
      });
      await eventually(
        'the source VM runs its disk',
        () => consoleOf(SOURCE, name),
        (log) => log.includes(line),
      );
      const vmId = await inventoryIdOf(name);
      const plan = await startMigration('canceled', vmId);
      await eventually(
        'the VM waits for its source to stop',
        async () => (await read<Plan>(PlanModel, 'canceled', MTV)).status,
        (status) =>
          status?.migration?.vms?.find((vm) => vm.id === vmId)?.phase === 'WaitForPowerOff',
        60_000,
      );
      await custom.patchNamespacedCustomObject(
        {
          group: MigrationModel.group,
          version: MigrationModel.version,
          plural: MigrationModel.plural,
          namespace: MTV,
          name: 'canceled-run',
          body: { spec: { cancel: [{ id: vmId }] } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      const done = await eventually(
        'the plan finishes',
        async () => (await read<Plan>(PlanModel, 'canceled', MTV)).status,
        (status) =>
          holds(status, 'Canceled') || holds(status, 'Succeeded') || holds(status, 'Failed'),
        120_000,
      );
      const vmStatus = done.migration?.vms?.find((vm) => vm.id === vmId);
      assert.ok(holds(done, 'Canceled'), JSON.stringify(done.conditions));
      assert.ok(holds(vmStatus, 'Canceled'), JSON.stringify(vmStatus?.conditions));
      assert.equal(vmStatus?.restorePowerState, 'On');

      // It ran before: canceling asks KubeVirt to run it again, and it boots its own disk.
      const sourceVm = await read<Labelled>(VirtualMachineModel, name, SOURCE);
      assert.equal(sourceVm.spec?.runStrategy, 'Always');
      await eventually(
        'the source VM runs again',
        () => read<Labelled>(VirtualMachineModel, name, SOURCE),
        (vm) => vm.status?.printableStatus === 'Running',
        120_000,
      );
      await eventually(
        'the source VM boots its own disk again',
        () => consoleOf(SOURCE, name),
        (log) => log.includes(line),
      );
      const labels = `plan=${plan.metadata.uid},vmID=${vmId}`;
      for (const [apiVersion, kind] of [
        ['cdi.kubevirt.io/v1beta1', 'DataVolume'],
        ['v1', 'PersistentVolumeClaim'],
        ['kubevirt.io/v1', 'VirtualMachine'],
        ['v1', 'Pod'],
      ] as const) {
        assert.deepEqual(await listLabelled(apiVersion, kind, labels), [], `no ${kind} left`);
      }
    });

    test('an engine restarted while the source stops finishes with the power it remembered', async () => {
      const name = 'restarted';
      const line = 'hello after the restart';
      await makeSourceVm(name, line, {
        volume: 'dataVolume',
        power: { runStrategy: 'Always' },
        grace: 20,
      });
      await eventually(
        'the source VM runs its disk',
        () => consoleOf(SOURCE, name),
        (log) => log.includes(line),
      );
      const vmId = await inventoryIdOf(name);
      const plan = await startMigration('restarted', vmId);
      await eventually(
        'the VM waits for its source to stop',
        async () => (await read<Plan>(PlanModel, 'restarted', MTV)).status,
        (status) =>
          status?.migration?.vms?.find((vm) => vm.id === vmId)?.phase === 'WaitForPowerOff',
        60_000,
      );
      // The engine's only memory is the plan's status: the power it stored before stopping the
      // source must survive, though the source now reads as stopping or off.
      await engine.stop();
      await startTheEngine();
      const done = await eventually(
        'the plan finishes',
        async () => (await read<Plan>(PlanModel, 'restarted', MTV)).status,
        (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
        240_000,
      );
      const vmStatus = done.migration?.vms?.find((vm) => vm.id === vmId);
      assert.ok(holds(done, 'Succeeded'), JSON.stringify(vmStatus, null, 1));
      assert.equal(vmStatus?.restorePowerState, 'On');
      assert.equal(done.migration?.history?.length, 1);
      const { target } = await targetOf(plan.metadata.uid, vmId);
      assert.equal(target.spec?.runStrategy, 'Always');
      await eventually(
        'the new VM boots the copied disk',
        () => consoleOf(TARGET, name),
        (log) => log.includes(line),
      );
      await noTemporaryObjects(plan.metadata.uid);
    });

    test('a VM whose cloud-init Secret is gone fails at CreateVM, saying which', async () => {
      const name = 'lost-userdata';
      await makeSourceVm(name, 'never printed', {
        volume: 'persistentVolumeClaim',
        power: { runStrategy: 'Halted' },
        userData: 'no-such-userdata',
      });
      const vmId = await inventoryIdOf(name);
      const plan = await startMigration('lost-userdata', vmId);
      const done = await eventually(
        'the plan finishes',
        async () => (await read<Plan>(PlanModel, 'lost-userdata', MTV)).status,
        (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
        120_000,
      );
      const vmStatus = done.migration?.vms?.find((vm) => vm.id === vmId);
      assert.ok(holds(done, 'Failed'), JSON.stringify(done.conditions));
      assert.equal(vmStatus?.error?.phase, 'CreateVM');
      assert.deepEqual(vmStatus?.error?.reasons, [
        `The source VM uses Secret ${SOURCE}/no-such-userdata, which is gone.`,
      ]);
      // No VM was made that could never start without it.
      const labels = `plan=${plan.metadata.uid},vmID=${vmId}`;
      assert.deepEqual(await listLabelled('kubevirt.io/v1', 'VirtualMachine', labels), []);
    });
  },
);
