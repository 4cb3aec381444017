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
import { createLogger } from '../../logging.ts';
import { createInventoryRegistry, type InventoryRegistry } from '../../inventory/registry.ts';
import { startEngine, type Engine } from '../engine.ts';
import { startProviderInventory } from '../providers/inventory-starter.ts';
import { claimFile, forkliftObject } from '../../test-support/vsphere-estate.ts';

const MTV = 'openshift-mtv';
const SOURCE = 'ocp-source';
const TARGET = 'ocp-target';
const VM_NAME = 'serial-hello';
const LINE = 'hello from the cloned disk';
const SOURCE_CLASS = 'ocp-disks';
const TARGET_CLASS = 'local-disks';

type Labelled = KubernetesObject & {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
};

/**
 * A 512-byte boot sector the BIOS loads at 0x7c00: it writes `line` and CR LF to COM1 one byte at a
 * time and halts for ever (hand-assembled 16-bit code, as the embedded cluster's launcher tests use).
 */
const bootSector = (line: string): Buffer => {
  const code = [
    ...[0xfa], // cli
    ...[0x31, 0xc0, 0x8e, 0xd8], // xor ax, ax; mov ds, ax
    ...[0xfc], // cld
    ...[0xba, 0xf8, 0x03], // mov dx, 0x3f8
    ...[0xbe, 0x17, 0x7c], // mov si, 0x7c17 (the text, right after this code)
    ...[0xac], // next: lodsb
    ...[0x84, 0xc0], // test al, al
    ...[0x74, 0x03], // jz done
    ...[0xee], // out dx, al
    ...[0xeb, 0xf8], // jmp next
    ...[0xf4], // done: hlt
    ...[0xeb, 0xfd], // jmp done
  ];
  const sector = Buffer.alloc(512);
  Buffer.from(code).copy(sector);
  Buffer.from(`${line}\r\n\0`, 'ascii').copy(sector, code.length);
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
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

    /** Polls `get` until `until` holds of its value. */
    const eventually = async <T>(
      what: string,
      get: () => Promise<T>,
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
      engine = await startEngine({
        kubeConfig: cluster.kubeConfig,
        inventories,
        startInventory: startProviderInventory,
        ovaShareRoot: path.join(dataDir, 'ova-shares'),
        logger: createLogger('silent'),
      });
    });

    after(async () => {
      await engine?.stop();
      await inventories?.stopAll();
      await cluster?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    test('the source stops, its disk is cloned byte for byte and the new VM boots it', async () => {
      // The source: a blank DataVolume given a boot sector and distinct bytes, and a VM running it.
      await objects.create({
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: DataVolumeModel.kind,
        metadata: { name: 'serial-hello-root', namespace: SOURCE },
        spec: {
          source: { blank: {} },
          storage: {
            storageClassName: SOURCE_CLASS,
            resources: { requests: { storage: '16Mi' } },
          },
        },
      } as KubernetesObject);
      await eventually(
        'the blank DataVolume succeeds',
        () => read<Labelled>(DataVolumeModel, 'serial-hello-root', SOURCE),
        (dv) => dv.status?.phase === 'Succeeded',
      );
      const sourceFile = await claimFile(cluster.kubeConfig, SOURCE, 'serial-hello-root');
      const disk = await open(sourceFile, 'r+');
      try {
        await disk.write(bootSector(LINE), 0, 512, 0);
        await disk.write(randomBytes(256 * 1024), 0, 256 * 1024, 4 * 1024 * 1024);
      } finally {
        await disk.close();
      }
      const sourceVm = (await objects.create({
        apiVersion: 'kubevirt.io/v1',
        kind: VirtualMachineModel.kind,
        metadata: { name: VM_NAME, namespace: SOURCE, labels: { app: 'serial-hello' } },
        spec: {
          runStrategy: 'Always',
          template: {
            spec: {
              // The boot sector halts with interrupts off and never answers ACPI: Stop kills it.
              terminationGracePeriodSeconds: 5,
              domain: {
                memory: { guest: '64Mi' },
                devices: {
                  disks: [{ name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 }],
                  interfaces: [{ name: 'default', masquerade: {} }],
                },
              },
              networks: [{ name: 'default', pod: {} }],
              volumes: [{ name: 'root', dataVolume: { name: 'serial-hello-root' } }],
            },
          },
        },
      } as KubernetesObject)) as Labelled & { metadata: { uid: string } };
      await eventually(
        'the source VM runs its disk',
        () => consoleOf(SOURCE, VM_NAME),
        (log) => log.includes(LINE),
      );

      // What a user makes: the host provider on both sides, the maps and a plan of the VM.
      const pair = {
        source: { name: 'host', namespace: MTV },
        destination: { name: 'host', namespace: MTV },
      };
      for (const resource of [
        forkliftObject('ForkliftController', 'forklift-controller', MTV, {}),
        forkliftObject('Provider', 'host', MTV, { type: 'openshift', url: '', secret: {} }),
        forkliftObject('NetworkMap', 'pods', MTV, {
          provider: pair,
          map: [{ source: { type: 'pod' }, destination: { type: 'pod' } }],
        }),
        forkliftObject('StorageMap', 'classes', MTV, {
          provider: pair,
          map: [{ source: { name: SOURCE_CLASS }, destination: { storageClass: TARGET_CLASS } }],
        }),
      ]) {
        await objects.create(resource);
      }
      const provider = await read<Provider>(ProviderModel, 'host', MTV);
      const inventory = await eventually(
        'the host inventory starts',
        async () => inventories.get(provider.metadata.uid),
        Boolean,
        60_000,
      );
      assert.ok(await inventory?.waitForParity(60_000), 'the host inventory loads');
      const listed = await eventually(
        'the inventory lists the source VM',
        async () =>
          (inventory?.list('vms', { detail: 0, namespace: SOURCE }) ?? []) as {
            id: string;
            name: string;
          }[],
        (vms) => vms.some((vm) => vm.name === VM_NAME),
        30_000,
      );
      const vmId = listed.find((vm) => vm.name === VM_NAME)!.id;
      assert.equal(vmId, sourceVm.metadata.uid, 'an OpenShift VM is known by its uid');

      const plan = (await objects.create(
        forkliftObject('Plan', 'from-ocp', MTV, {
          provider: pair,
          targetNamespace: TARGET,
          map: {
            network: { name: 'pods', namespace: MTV },
            storage: { name: 'classes', namespace: MTV },
          },
          vms: [{ id: vmId }],
        }),
      )) as Plan & { metadata: { uid: string } };
      const holds = (status: Plan['status'] | undefined, type: string) =>
        (status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
      await eventually(
        'the plan is Ready',
        async () => (await read<Plan>(PlanModel, 'from-ocp', MTV)).status,
        (status) => holds(status, 'Ready'),
        60_000,
      );
      await objects.create(
        forkliftObject('Migration', 'from-ocp-run', MTV, {
          plan: { name: 'from-ocp', namespace: MTV },
          cancel: [],
        }),
      );
      // Cloning a disk the guest still writes would copy it torn: no DataVolume while it runs.
      const sourceInstance = () =>
        custom
          .getNamespacedCustomObject({
            ...VirtualMachineInstanceModel,
            namespace: SOURCE,
            name: VM_NAME,
          })
          .then(
            () => true,
            () => false,
          );
      let clonedWhileRunning = false;
      let sawClone = false;
      const done = await eventually(
        'the plan finishes',
        async () => {
          const status = (await read<Plan>(PlanModel, 'from-ocp', MTV)).status;
          const clones = await listLabelled(
            'cdi.kubevirt.io/v1beta1',
            'DataVolume',
            `plan=${plan.metadata.uid}`,
          );
          if (clones.length > 0) {
            sawClone = true;
            if (await sourceInstance()) clonedWhileRunning = true;
          }
          return status;
        },
        (status) => holds(status, 'Succeeded') || holds(status, 'Failed'),
        420_000,
      );
      assert.equal(clonedWhileRunning, false, 'the source was off before its disk was cloned');
      const vmStatus = done?.migration?.vms?.find((vm) => vm.id === vmId);
      assert.ok(holds(done, 'Succeeded'), JSON.stringify(vmStatus, null, 1));
      assert.equal(vmStatus?.restorePowerState, 'On', 'it ran before the migration stopped it');
      assert.deepEqual(
        vmStatus?.pipeline.map((step) => [step.name, step.phase]),
        [
          ['Initialize', 'Completed'],
          ['DiskTransfer', 'Completed'],
          ['VirtualMachineCreation', 'Completed'],
        ],
      );
      const transfer = vmStatus!.pipeline[1]!;
      assert.deepEqual(transfer.progress, { completed: 16, total: 16 });
      assert.deepEqual(
        transfer.tasks?.map((task) => [task.name, task.phase]),
        [[`${SOURCE}/serial-hello-root`, 'Completed']],
      );
      assert.ok((await read<Labelled>(MigrationModel, 'from-ocp-run', MTV)).metadata);

      // The source was stopped by its runStrategy and, the migration having succeeded, stays off.
      const source = await read<Labelled>(VirtualMachineModel, VM_NAME, SOURCE);
      assert.equal(source.spec?.runStrategy, 'Halted');
      assert.equal(source.spec?.running, undefined);
      await eventually(
        'the source VM is Stopped',
        () => read<Labelled>(VirtualMachineModel, VM_NAME, SOURCE),
        (vm) => vm.status?.printableStatus === 'Stopped',
        30_000,
      );

      // The new VM, labelled with the plan and the VM's id, runs from a clone of the source's claim.
      const labels = `plan=${plan.metadata.uid},vmID=${vmId}`;
      const targets = await listLabelled('kubevirt.io/v1', 'VirtualMachine', labels);
      assert.equal(targets.length, 1, 'one VirtualMachine for the VM');
      const target = targets[0]!;
      assert.equal(target.metadata?.namespace, TARGET);
      assert.equal(target.metadata?.name, VM_NAME);
      assert.equal(target.spec?.runStrategy, 'Always', 'auto restores the power it had: on');
      const claims = (await listLabelled(
        'v1',
        'PersistentVolumeClaim',
        labels,
      )) as V1PersistentVolumeClaim[];
      assert.equal(claims.length, 1, 'one claim for its one disk');
      const claim = claims[0]!;
      assert.equal(claim.metadata?.namespace, TARGET);
      assert.equal(
        claim.metadata?.name,
        'serial-hello-root',
        "OCP's default name: the source claim's",
      );
      assert.equal(claim.spec?.storageClassName, TARGET_CLASS, 'the storage map chose its class');
      assert.equal(claim.metadata?.ownerReferences?.[0]?.uid, target.metadata?.uid);
      const volumes = (
        (target.spec?.template as { spec?: { volumes?: Record<string, unknown>[] } }).spec
          ?.volumes ?? []
      ).map((volume) => volume.persistentVolumeClaim);
      assert.deepEqual(volumes, [{ claimName: claim.metadata?.name }]);
      assert.ok(sawClone, 'the disk was copied by a DataVolume of the plan');
      const copied = await claimFile(cluster.kubeConfig, TARGET, claim.metadata!.name!);
      assert.notEqual(copied, sourceFile);
      await promisify(execFile)('qemu-img', [
        ...['compare', '-f', 'raw', '-F', 'raw'],
        ...[sourceFile, copied],
      ]);

      await eventually(
        'the new VM boots the copied disk',
        () => consoleOf(TARGET, VM_NAME),
        (log) => log.includes(LINE),
      );
      assert.equal(
        (await read<Labelled>(VirtualMachineModel, VM_NAME, TARGET)).status?.printableStatus,
        'Running',
      );

      // Nothing temporary is left: no DataVolumes, and no pods of the plan but the new VM's.
      assert.deepEqual(
        await listLabelled('cdi.kubevirt.io/v1beta1', 'DataVolume', `plan=${plan.metadata.uid}`),
        [],
      );
      const pods = await listLabelled('v1', 'Pod', `plan=${plan.metadata.uid}`);
      assert.deepEqual(
        pods.map((pod) => pod.metadata?.name).filter((name) => !name?.startsWith('virt-launcher-')),
        [],
      );
    });
  },
);
