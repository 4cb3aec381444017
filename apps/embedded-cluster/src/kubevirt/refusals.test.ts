// What the launcher refuses, visibly and without qemu: a machine without qemu (the launcher is
// pointed at a binary that does not exist), a containerDisk (no container runtime here), and EFI
// without OVMF. Each VM says why in its conditions and is never Running.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DataVolumeModel,
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineInstanceModel,
  VirtualMachineModel,
} from '@forklift-console/api';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker } from '../workers/worker.ts';
import { bootDisk } from '../test-support/boot-disk.ts';
import type { VirtualMachine, VirtualMachineInstance, VmiSpec } from './types.ts';
import { startKubevirtLauncher } from './worker.ts';
import { eventually } from '../test-support/eventually.ts';
import { arrangeBoundClaim } from '../test-support/bound-claim.ts';

const namespace = 'vms-refused';
let api: TestServer;
let launcher: Worker;
let emptyOvmfDir: string;
before(async () => {
  api = await startTestServer('kubevirt-refusals-');
  emptyOvmfDir = await mkdtemp(path.join(os.tmpdir(), 'no-ovmf-'));
  await api.core.createNamespace({ body: { metadata: { name: namespace } } });
  await arrangeBoundClaim(api.core, api.dataDir, {
    namespace,
    name: 'boot',
    disk: bootDisk('never printed'),
  });
});
after(async () => {
  await launcher.stop();
  await api.close();
  await rm(emptyOvmfDir, { recursive: true, force: true });
});

const vmApi = {
  group: VirtualMachineModel.group,
  version: VirtualMachineModel.version,
  plural: VirtualMachineModel.plural,
  namespace,
};

const createVm = (name: string, spec: Partial<VmiSpec> & { domain?: VmiSpec['domain'] } = {}) =>
  api.custom.createNamespacedCustomObject({
    ...vmApi,
    body: {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name, namespace },
      spec: {
        runStrategy: 'Always',
        template: {
          spec: {
            domain: {
              memory: { guest: '64Mi' },
              devices: { disks: [{ name: 'boot', disk: { bus: 'virtio' } }] },
              ...spec.domain,
            },
            volumes: spec.volumes ?? [
              { name: 'boot', persistentVolumeClaim: { claimName: 'boot' } },
            ],
          },
        },
      },
    },
  });

const settledVm = (name: string, printableStatus: string) =>
  eventually(
    async () => (await api.custom.getNamespacedCustomObject({ ...vmApi, name })) as VirtualMachine,
    {
      until: (vm) => vm.status?.printableStatus === printableStatus,
      what: `${name} to be ${printableStatus}`,
    },
  );

const failure = (vm: VirtualMachine) =>
  vm.status?.conditions?.find(({ type }) => type === 'Failure');

test('refusals', async (t) => {
  launcher = await startKubevirtLauncher(
    { kubeConfig: api.admin, dataDir: api.dataDir, logger: silentLogger },
    { qemuBinary: '/nonexistent/qemu-system-x86_64', ovmfDir: emptyOvmfDir },
  );

  await t.test(
    'without qemu the VM is unschedulable and names the package to install',
    async () => {
      await createVm('no-qemu');
      const vm = await settledVm('no-qemu', 'ErrorUnschedulable');
      assert.equal(failure(vm)?.status, 'True');
      assert.match(failure(vm)?.message ?? '', /apt-get install qemu-system-x86/);
      assert.equal(vm.status?.ready, false);
      const [pod] = (
        await api.core.listNamespacedPod({
          namespace,
          labelSelector: 'vm.kubevirt.io/name=no-qemu',
        })
      ).items;
      assert.equal(pod?.status?.phase, 'Pending');
      const scheduled = pod?.status?.conditions?.find(({ type }) => type === 'PodScheduled');
      assert.equal(scheduled?.reason, 'Unschedulable');
    },
  );

  await t.test('a containerDisk cannot be pulled here, and the VM says so', async () => {
    await createVm('container-disk', {
      volumes: [{ name: 'boot', containerDisk: { image: 'quay.io/containerdisks/fedora:41' } }],
    });
    const vm = await settledVm('container-disk', 'ErrImagePull');
    assert.match(failure(vm)?.message ?? '', /containerDisk .*needs a container runtime/);
  });

  await t.test('EFI without OVMF names the ovmf package', async () => {
    await createVm('efi', {
      domain: {
        memory: { guest: '64Mi' },
        firmware: { bootloader: { efi: { secureBoot: false } } },
        devices: { disks: [{ name: 'boot', disk: { bus: 'virtio' } }] },
      },
    });
    const vm = await settledVm('efi', 'ErrorUnschedulable');
    assert.match(
      failure(vm)?.message ?? '',
      /OVMF_CODE_4M.fd is not installed .*apt-get install ovmf/,
    );
  });

  await t.test('a dataVolume volume waits for its DataVolume to succeed', async () => {
    await createVm('from-dv', { volumes: [{ name: 'boot', dataVolume: { name: 'dv-boot' } }] });
    const missing = await settledVm('from-dv', 'ErrorDataVolumeNotFound');
    assert.match(
      missing.status?.conditions?.find(({ type }) => type === 'Synchronized')?.message ?? '',
      /DataVolume vms-refused\/dv-boot does not exist/,
    );
    const dvApi = {
      group: DataVolumeModel.group,
      version: DataVolumeModel.version,
      plural: DataVolumeModel.plural,
      namespace,
    };
    const dataVolume = await api.custom.createNamespacedCustomObject({
      ...dvApi,
      body: {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: { name: 'dv-boot', namespace },
        spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '1Mi' } } } },
      },
    });
    await settledVm('from-dv', 'Provisioning');
    // What CDI leaves when its import is done: the claim Bound and the DataVolume Succeeded.
    await arrangeBoundClaim(api.core, api.dataDir, {
      namespace,
      name: 'dv-boot',
      disk: bootDisk('from a DataVolume'),
    });
    await api.custom.replaceNamespacedCustomObjectStatus({
      ...dvApi,
      name: 'dv-boot',
      body: { ...dataVolume, status: { phase: 'Succeeded', progress: '100.0%' } },
    });
    // Its volume ready, the VM goes on to the next thing it lacks here: qemu.
    await settledVm('from-dv', 'ErrorUnschedulable');
  });

  await t.test(
    'an instancetype gives the VMI its CPUs and memory; a missing one is a Failure',
    async () => {
      await api.custom.createNamespacedCustomObject({
        ...vmApi,
        body: {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name: 'sized', namespace },
          spec: {
            runStrategy: 'Always',
            instancetype: { name: 'u1.small', kind: 'VirtualMachineClusterInstancetype' },
            template: {
              spec: {
                domain: { devices: { disks: [{ name: 'boot', disk: { bus: 'virtio' } }] } },
                volumes: [{ name: 'boot', persistentVolumeClaim: { claimName: 'boot' } }],
              },
            },
          },
        },
      });
      const missing = await eventually(
        async () =>
          (await api.custom.getNamespacedCustomObject({
            ...vmApi,
            name: 'sized',
          })) as VirtualMachine,
        {
          until: (vm) => failure(vm)?.reason === 'FailedCreate',
          what: 'the missing instancetype to be reported',
        },
      );
      assert.equal(
        failure(missing)?.message,
        'VirtualMachineClusterInstancetype u1.small not found',
      );
      assert.equal(missing.status?.printableStatus, 'Stopped');

      await api.custom.createClusterCustomObject({
        group: VirtualMachineClusterInstancetypeModel.group,
        version: VirtualMachineClusterInstancetypeModel.version,
        plural: VirtualMachineClusterInstancetypeModel.plural,
        body: {
          apiVersion: 'instancetype.kubevirt.io/v1beta1',
          kind: 'VirtualMachineClusterInstancetype',
          metadata: { name: 'u1.small' },
          spec: { cpu: { guest: 2 }, memory: { guest: '128Mi' } },
        },
      });
      // The launcher looks again after a while; a new generation of the VM makes it look now.
      const vm = (await api.custom.getNamespacedCustomObject({
        ...vmApi,
        name: 'sized',
      })) as VirtualMachine;
      await api.custom.replaceNamespacedCustomObject({
        ...vmApi,
        name: 'sized',
        body: { ...vm, metadata: { ...vm.metadata, labels: { sized: 'yes' } } },
      });
      const vmi = await eventually(
        async () =>
          (await api.custom.getNamespacedCustomObject({
            ...vmApi,
            plural: VirtualMachineInstanceModel.plural,
            name: 'sized',
          })) as VirtualMachineInstance,
        { until: Boolean, what: 'the VMI to be created' },
      );
      assert.deepEqual(vmi.spec.domain.memory, { guest: '128Mi' });
      assert.deepEqual(vmi.spec.domain.cpu, { sockets: 2, cores: 1, threads: 1 });
    },
  );
});
