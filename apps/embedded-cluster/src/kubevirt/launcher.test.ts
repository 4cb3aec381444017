// The launcher against the embedded API with Debian's qemu: a VM boots a disk the test wrote, its
// serial console is its launcher pod's guest-console-log, stop and delete end qemu, and a VM
// whose claim is missing waits and says why. Skipped (with the reason) without qemu.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '@forklift-console/api';
import { isApiError } from '@forklift-console/controller-runtime';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker } from '../workers/worker.ts';
import { findExecutable, runFiles } from './qemu-process.ts';
import { bootDisk } from '../test-support/boot-disk.ts';
import { isAlive } from './test-support.ts';
import type { VirtualMachine, VirtualMachineInstance } from './types.ts';
import { startKubevirtLauncher } from './worker.ts';
import { eventually } from '../test-support/eventually.ts';
import { arrangeBoundClaim } from '../test-support/bound-claim.ts';

const qemu = await findExecutable('qemu-system-x86_64');
const kubectl = await findExecutable('kubectl');
const skip = !qemu && 'qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)';
const namespace = 'vms-launcher';

let api: TestServer;
let launcher: Worker;
before(async () => {
  api = await startTestServer('kubevirt-launcher-');
  await api.core.createNamespace({ body: { metadata: { name: namespace } } });
  launcher = await startKubevirtLauncher({
    kubeConfig: api.admin,
    dataDir: api.dataDir,
    logger: silentLogger,
  });
});
after(async () => {
  await launcher.stop();
  await api.close();
});

const vmApi = {
  group: VirtualMachineModel.group,
  version: VirtualMachineModel.version,
  namespace,
};

const readVm = async (name: string) =>
  (await api.custom.getNamespacedCustomObject({
    ...vmApi,
    plural: VirtualMachineModel.plural,
    name,
  })) as VirtualMachine;

const readVmi = async (name: string) =>
  (await api.custom.getNamespacedCustomObject({
    ...vmApi,
    plural: VirtualMachineInstanceModel.plural,
    name,
  })) as VirtualMachineInstance;

const isGone = async (read: () => Promise<unknown>) =>
  read().then(
    () => false,
    (error: unknown) => {
      if (isApiError(error, 404)) return true;
      throw error;
    },
  );

const launcherPods = async (vmName: string) =>
  (await api.core.listNamespacedPod({ namespace, labelSelector: `vm.kubevirt.io/name=${vmName}` }))
    .items;

const createVm = (name: string, claimName: string, runStrategy = 'Always') =>
  api.custom.createNamespacedCustomObject({
    ...vmApi,
    plural: VirtualMachineModel.plural,
    body: {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name, namespace },
      spec: {
        runStrategy,
        template: {
          metadata: { labels: { app: name } },
          spec: {
            domain: {
              memory: { guest: '64Mi' },
              cpu: { cores: 1 },
              devices: {
                disks: [{ name: 'boot', bootOrder: 1, disk: { bus: 'virtio' } }],
                interfaces: [{ name: 'default', masquerade: {}, macAddress: '02:00:00:aa:bb:cc' }],
              },
            },
            networks: [{ name: 'default', pod: {} }],
            volumes: [{ name: 'boot', persistentVolumeClaim: { claimName } }],
            // The boot sector ignores ACPI: a stop waits this long before qemu is killed.
            terminationGracePeriodSeconds: 1,
          },
        },
      },
    },
  });

const setRunStrategy = async (name: string, runStrategy: string) => {
  const vm = await readVm(name);
  await api.custom.replaceNamespacedCustomObject({
    ...vmApi,
    plural: VirtualMachineModel.plural,
    name,
    body: { ...vm, spec: { ...vm.spec, runStrategy } },
  });
};

const qemuPid = async (vmi: VirtualMachineInstance) =>
  Number(await readFile(runFiles(api.dataDir, vmi.metadata.uid!).pidFile, 'utf8'));

test('a VM with runStrategy Always boots its disk; Halted stops it', { skip }, async () => {
  await arrangeBoundClaim(api.core, api.dataDir, {
    namespace,
    name: 'web-boot',
    disk: bootDisk('web booted from its claim'),
  });
  await createVm('web', 'web-boot');

  const vm = await eventually(() => readVm('web'), {
    until: (current) => current.status?.printableStatus === 'Running',
    what: 'the VM to run',
  });
  assert.equal(vm.status?.ready, true);
  assert.equal(vm.status?.created, true);
  const vmi = await readVmi('web');
  assert.equal(vmi.status?.phase, 'Running');
  assert.equal(vmi.status?.nodeName, os.hostname());
  assert.deepEqual(
    vmi.status?.interfaces?.map(({ name, mac }) => ({ name, mac })),
    [{ name: 'default', mac: '02:00:00:aa:bb:cc' }],
  );
  assert.deepEqual(vmi.status?.guestOSInfo, {});
  assert.equal(vmi.metadata.labels?.['kubevirt.io/domain'], 'web');
  assert.equal(vmi.metadata.ownerReferences?.[0]?.uid, vm.metadata.uid);

  const [pod] = await launcherPods('web');
  assert.ok(pod);
  const podName = pod.metadata!.name!;
  assert.match(podName, /^virt-launcher-web-[a-z0-9]{5}$/);
  assert.equal(pod.metadata?.labels?.['kubevirt.io'], 'virt-launcher');
  assert.equal(pod.metadata?.labels?.['kubevirt.io/created-by'], vmi.metadata.uid);
  assert.equal(pod.status?.phase, 'Running');
  assert.deepEqual(
    pod.status?.containerStatuses?.map(({ name, state }) => [name, Boolean(state?.running)]),
    [
      ['compute', true],
      ['guest-console-log', true],
    ],
  );

  const console = await eventually(
    () =>
      api.core.readNamespacedPodLog({ namespace, name: podName, container: 'guest-console-log' }),
    {
      until: (log) => log.includes('web booted from its claim'),
      what: 'the boot sector to write its line on the serial console',
    },
  );
  assert.match(console, /web booted from its claim/);
  const compute = await api.core.readNamespacedPodLog({
    namespace,
    name: podName,
    container: 'compute',
  });
  assert.match(compute, /qemu-system-x86_64 .*-netdev user,id=net-default/);
  if (kubectl) {
    const { stdout } = await promisify(execFile)(kubectl, [
      ...['--kubeconfig', api.server.kubeconfigPath, '-n', namespace],
      ...['logs', podName, '-c', 'guest-console-log'],
    ]);
    assert.match(stdout, /web booted from its claim/);
  }

  const events = await api.core.listNamespacedEvent({
    namespace,
    fieldSelector: 'involvedObject.name=web',
  });
  assert.deepEqual(
    events.items.map(({ reason, source }) => `${source?.component}: ${reason}`).sort(),
    ['virt-handler: Started', 'virtualmachine-controller: SuccessfulCreate'],
  );

  // A running guest is looked at every few seconds; nothing is rewritten while nothing changes.
  const versions = async () => [
    (await readVm('web')).metadata.resourceVersion,
    (await readVmi('web')).metadata.resourceVersion,
    (await launcherPods('web'))[0]?.metadata?.resourceVersion,
  ];
  const before = await versions();
  await sleep(4_000);
  assert.deepEqual(await versions(), before);

  const pid = await qemuPid(vmi);
  assert.ok(isAlive(pid), 'qemu runs');
  await setRunStrategy('web', 'Halted');
  await eventually(() => readVm('web'), {
    until: (current) => current.status?.printableStatus === 'Stopped',
    what: 'the VM to stop',
  });
  assert.equal(await isGone(() => readVmi('web')), true, 'the VMI is gone');
  assert.deepEqual(await launcherPods('web'), [], 'the launcher pod is gone');
  await eventually(async () => isAlive(pid), { until: (alive) => !alive, what: 'qemu to end' });
  const stopped = await readVm('web');
  assert.equal(stopped.status?.ready, false);
  assert.equal(stopped.status?.created, false);
});

test(
  'a VM whose claim does not exist waits and says why, then boots once it is Bound; delete ends it',
  { skip },
  async () => {
    await createVm('db', 'db-boot');
    const waiting = await eventually(() => readVm('db'), {
      until: (current) => current.status?.printableStatus === 'ErrorPvcNotFound',
      what: 'the VM to report its missing claim',
    });
    const synchronized = waiting.status?.conditions?.find(({ type }) => type === 'Synchronized');
    assert.equal(synchronized?.status, 'False');
    assert.equal(
      synchronized?.message,
      `PVC ${namespace}/db-boot does not exist, waiting for it to appear`,
    );
    assert.equal((await readVmi('db')).status?.phase, 'Pending');
    assert.deepEqual(await launcherPods('db'), [], 'no launcher pod while the volume is missing');

    await arrangeBoundClaim(api.core, api.dataDir, {
      namespace,
      name: 'db-boot',
      disk: bootDisk('db found its disk'),
    });
    await eventually(() => readVm('db'), {
      until: (current) => current.status?.printableStatus === 'Running',
      what: 'the VM to run once its claim is Bound',
    });
    const vmi = await readVmi('db');
    const pid = await qemuPid(vmi);

    await api.custom.deleteNamespacedCustomObject({
      ...vmApi,
      plural: VirtualMachineModel.plural,
      name: 'db',
    });
    await eventually(() => isGone(() => readVm('db')), {
      until: Boolean,
      what: 'the VM to be deleted',
    });
    assert.equal(await isGone(() => readVmi('db')), true, 'its VMI went first');
    assert.deepEqual(await launcherPods('db'), []);
    await eventually(async () => isAlive(pid), { until: (alive) => !alive, what: 'qemu to end' });
  },
);

const ovmf = existsSync('/usr/share/OVMF/OVMF_CODE_4M.secboot.fd');

test(
  'an EFI VM boots OVMF (Secure Boot by default), whose boot manager writes on the serial console',
  { skip: skip || (!ovmf && 'OVMF is not installed (apt-get install ovmf)') },
  async () => {
    await arrangeBoundClaim(api.core, api.dataDir, {
      namespace,
      name: 'efi-boot',
      disk: bootDisk('not an EFI binary'),
    });
    await api.custom.createNamespacedCustomObject({
      ...vmApi,
      plural: VirtualMachineModel.plural,
      body: {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'efi', namespace },
        spec: {
          runStrategy: 'Always',
          template: {
            spec: {
              domain: {
                memory: { guest: '256Mi' },
                firmware: { bootloader: { efi: {} } },
                devices: { disks: [{ name: 'boot', disk: { bus: 'virtio' } }] },
              },
              volumes: [{ name: 'boot', persistentVolumeClaim: { claimName: 'efi-boot' } }],
              terminationGracePeriodSeconds: 0,
            },
          },
        },
      },
    });
    await eventually(() => readVm('efi'), {
      until: (current) => current.status?.printableStatus === 'Running',
      what: 'the EFI VM to run',
    });
    const [pod] = await launcherPods('efi');
    await eventually(
      () =>
        api.core.readNamespacedPodLog({
          namespace,
          name: pod!.metadata!.name!,
          container: 'guest-console-log',
        }),
      { until: (log) => /BdsDxe/.test(log), what: "OVMF's boot manager on the serial console" },
    );
    const vmi = await readVmi('efi');
    const pid = await qemuPid(vmi);
    await api.custom.deleteNamespacedCustomObject({
      ...vmApi,
      plural: VirtualMachineModel.plural,
      name: 'efi',
    });
    await eventually(() => isGone(() => readVm('efi')), {
      until: Boolean,
      what: 'the EFI VM to be deleted',
    });
    await eventually(async () => isAlive(pid), { until: (alive) => !alive, what: 'qemu to end' });
  },
);
