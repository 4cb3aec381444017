// The embedded cluster as a user drives it with kubectl: a DataVolume imports a bootable qcow2
// from a web server into a PVC the provisioner binds, a VirtualMachine on that DataVolume boots it
// in qemu (its serial console in `kubectl logs virt-launcher-… -c guest-console-log`) and stops
// when asked. Every worker runs, as `npm start` runs them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, CustomObjectsApi, StorageV1Api } from '@kubernetes/client-node';
import {
  apiVersionOf,
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  VirtualMachineModel,
} from '@forklift-console/api';
import { createDv, dvInPhase, toolsMissing } from './cdi/test-images.ts';
import { startImageServer, type ImageServer } from './cdi/test-image-server.ts';
import { bootDisk } from './test-support/boot-disk.ts';
import { startEmbeddedCluster, type EmbeddedCluster } from './index.ts';
import { eventually } from './test-support/eventually.ts';

const NS = 'vms-prod';
const LINE = 'hello from the imported disk';
const run = promisify(execFile);
const missing =
  toolsMissing() ??
  (() => {
    try {
      execFileSync('which', ['qemu-system-x86_64'], { stdio: 'ignore' });
      return undefined;
    } catch {
      return 'qemu-system-x86_64 is not installed (Debian: qemu-system-x86)';
    }
  })();

let folder: string;
let server: ImageServer;
let cluster: EmbeddedCluster;

before(async () => {
  if (missing) return;
  folder = await mkdtemp(path.join(os.tmpdir(), 'embedded-cluster-'));
  const raw = path.join(folder, 'boot.raw');
  await writeFile(raw, bootDisk(LINE));
  execFileSync('qemu-img', ['convert', '-q', '-O', 'qcow2', raw, path.join(folder, 'boot.qcow2')]);
  server = await startImageServer({ '/boot.qcow2': { file: path.join(folder, 'boot.qcow2') } });
  cluster = await startEmbeddedCluster({ dataDir: path.join(folder, 'data') });
  const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: NS } } });
  await cluster.kubeConfig.makeApiClient(StorageV1Api).createStorageClass({
    body: {
      metadata: {
        name: 'hostpath-csi',
        annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' },
      },
      provisioner: 'kubevirt.io.hostpath-provisioner',
      reclaimPolicy: 'Delete',
    },
  });
});

after(async () => {
  await cluster?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

test(
  'an imported disk boots in a VirtualMachine, shows on its serial console and stops',
  { skip: missing, timeout: 300_000 },
  async () => {
    const custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
    await createDv(custom, NS, {
      metadata: { name: 'boot-disk' },
      spec: {
        source: { http: { url: server.url('/boot.qcow2') } },
        storage: { resources: { requests: { storage: '64Mi' } } },
      },
    });
    await dvInPhase(custom, NS, 'boot-disk', 'Succeeded', 120_000);

    const vm = { ...VirtualMachineModel, namespace: NS, name: 'hello' };
    await custom.createNamespacedCustomObject({
      ...VirtualMachineModel,
      namespace: NS,
      body: {
        apiVersion: apiVersionOf(VirtualMachineModel),
        kind: VirtualMachineModel.kind,
        metadata: { name: 'hello' },
        spec: {
          runStrategy: 'Always',
          template: {
            spec: {
              // The boot sector halts with interrupts off: it never answers ACPI, so Stop kills it.
              terminationGracePeriodSeconds: 5,
              domain: {
                memory: { guest: '64Mi' },
                devices: { disks: [{ name: 'root', disk: { bus: 'virtio' }, bootOrder: 1 }] },
              },
              volumes: [{ name: 'root', dataVolume: { name: 'boot-disk' } }],
            },
          },
        },
      },
    });
    const printable = async () =>
      ((await custom.getNamespacedCustomObject(vm)) as { status?: { printableStatus?: string } })
        .status?.printableStatus;
    await eventually(printable, {
      until: (status) => status === 'Running',
      what: 'the VM Running',
      timeoutMs: 180_000,
    });

    const { items } = await core.listNamespacedPod({
      namespace: NS,
      labelSelector: 'vm.kubevirt.io/name=hello',
    });
    const launcher = items[0]?.metadata?.name ?? '';
    assert.match(launcher, /^virt-launcher-hello-[a-z0-9]{5}$/);
    const consoleLog = () =>
      core.readNamespacedPodLog({ namespace: NS, name: launcher, container: 'guest-console-log' });
    await eventually(consoleLog, {
      until: (log) => log.includes(LINE),
      what: 'the line on the serial console',
    });
    const kubectl = await run('kubectl', ['version', '--client']).catch(() => undefined);
    if (kubectl) {
      const { stdout } = await run('kubectl', [
        ...['--kubeconfig', cluster.kubeconfigPath, '-n', NS],
        ...['logs', launcher, '-c', 'guest-console-log'],
      ]);
      assert.match(stdout, new RegExp(LINE));
    }

    await custom.patchNamespacedCustomObject({
      ...vm,
      body: [{ op: 'replace', path: '/spec/runStrategy', value: 'Halted' }],
    });
    await eventually(printable, {
      until: (status) => status === 'Stopped',
      what: 'the VM Stopped',
      timeoutMs: 60_000,
    });
    const after = await core.listNamespacedPod({
      namespace: NS,
      labelSelector: 'vm.kubevirt.io/name=hello',
    });
    assert.equal(after.items.length, 0, 'no launcher pod once stopped');
  },
);
