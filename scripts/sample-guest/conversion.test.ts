// A real guest, converted and booted: the sample guest's OVA goes through Forklift's conversion pod
// (V2V_source ova, the OVA share mounted at /ova, blank PVCs for the disks) on the embedded
// cluster with every worker running, so Debian's virt-v2v converts it under TCG; a kubevirt.io/v1
// VirtualMachine on the converted PVC then boots in qemu and its serial console shows `login:`.
// This uses the CI fixture, whose update-initramfs builds nothing (it keeps the initramfs the
// kernel package built): virt-v2v's rebuild of the guest's initramfs under emulation is most of a
// full conversion (about 20 minutes in all, against a few for the fixture); a full conversion
// belongs in a benchmark. The first run builds the fixture into the cache (minutes, as root, from
// Debian's mirror); no timing is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, link, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, StorageV1Api, type V1Pod } from '@kubernetes/client-node';
import {
  apiVersionOf,
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  VirtualMachineModel,
} from '@forklift-console/api';
import { startEmbeddedCluster } from '@forklift-console/embedded-cluster';
import { buildSampleGuest, SAMPLE_GUEST_NAME } from './sample-guest.ts';
import { conversionSkipReason } from './skip.ts';
import { bindStaticClaim, until } from './test-support.ts';

const NAMESPACE = 'sample-guest';
const OVA_MOUNT = '/ova';
const CONVERSION_IMAGE = 'quay.io/kubev2v/forklift-virt-v2v:latest';

const skip = conversionSkipReason();

/** The OVA in a share folder of its own, as the OVA provider's NFS export holds it. */
const shareWithOva = async (folder: string, ova: string) => {
  const share = path.join(folder, 'ova-share');
  await mkdir(share);
  const target = path.join(share, path.basename(ova));
  await link(ova, target).catch(() => copyFile(ova, target));
  return share;
};

const conversionPod = (diskClaim: string, shareClaim: string): V1Pod => ({
  metadata: { name: `${SAMPLE_GUEST_NAME}-v2v`, labels: { 'forklift.app': 'virt-v2v' } },
  spec: {
    restartPolicy: 'Never',
    containers: [
      {
        name: 'virt-v2v',
        image: CONVERSION_IMAGE,
        envFrom: [{ prefix: '', secretRef: { name: `${SAMPLE_GUEST_NAME}-v2v` } }],
        volumeDevices: [{ name: 'disk-0', devicePath: '/dev/block0' }],
        volumeMounts: [{ name: 'store-pv', mountPath: OVA_MOUNT }],
      },
    ],
    volumes: [
      { name: 'disk-0', persistentVolumeClaim: { claimName: diskClaim } },
      { name: 'store-pv', persistentVolumeClaim: { claimName: shareClaim } },
    ],
  },
});

const virtualMachine = (diskClaim: string) => ({
  apiVersion: apiVersionOf(VirtualMachineModel),
  kind: VirtualMachineModel.kind,
  metadata: { name: SAMPLE_GUEST_NAME },
  spec: {
    runStrategy: 'Always',
    template: {
      spec: {
        terminationGracePeriodSeconds: 10,
        domain: {
          firmware: { bootloader: { bios: {} } },
          memory: { guest: '1Gi' },
          devices: { disks: [{ name: 'disk-0', disk: { bus: 'virtio' }, bootOrder: 1 }] },
        },
        volumes: [{ name: 'disk-0', persistentVolumeClaim: { claimName: diskClaim } }],
      },
    },
  },
});

const finished = (pod: V1Pod) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

test(
  'the sample guest, converted from its OVA by Forklift’s conversion pod, boots to a login prompt',
  { skip, timeout: 90 * 60_000 },
  async (t) => {
    const { fixture } = await buildSampleGuest({
      variants: ['fixture'],
      progress: (line) => t.diagnostic(line),
    });
    assert.ok(fixture);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sample-guest-'));
    const cluster = await startEmbeddedCluster({ dataDir: path.join(folder, 'data') });
    // The cluster (and the guest it runs) stops before its folder goes.
    t.after(async () => {
      await cluster.close();
      await rm(folder, { recursive: true, force: true });
    });
    const share = await shareWithOva(folder, fixture.ova);
    const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
    const custom = cluster.kubeConfig.makeApiClient(CustomObjectsApi);
    await core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
    await cluster.kubeConfig.makeApiClient(StorageV1Api).createStorageClass({
      body: {
        metadata: {
          name: 'local-disks',
          annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' },
        },
        provisioner: 'kubevirt.io.hostpath-provisioner',
        reclaimPolicy: 'Delete',
      },
    });

    // The OVA share: Forklift mounts the provider's NFS export through a per-plan PV and PVC; here
    // the PV is a local volume on the share folder, bound as static provisioning binds it.
    const shareClaim = await bindStaticClaim(core, {
      namespace: NAMESPACE,
      name: `${SAMPLE_GUEST_NAME}-ova-share`,
      path: share,
      volumeMode: 'Filesystem',
      storage: '1Gi',
    });
    // The blank disk, as Forklift's blank DataVolume asks for it: the source disk's capacity.
    const diskClaim = `${SAMPLE_GUEST_NAME}-disk-0`;
    await core.createNamespacedPersistentVolumeClaim({
      namespace: NAMESPACE,
      body: {
        metadata: { name: diskClaim },
        spec: {
          accessModes: ['ReadWriteOnce'],
          volumeMode: 'Block',
          resources: { requests: { storage: String((await stat(fixture.rawDisk)).size) } },
        },
      },
    });
    await core.createNamespacedSecret({
      namespace: NAMESPACE,
      body: {
        metadata: { name: `${SAMPLE_GUEST_NAME}-v2v` },
        stringData: {
          V2V_source: 'ova',
          V2V_vmName: SAMPLE_GUEST_NAME,
          V2V_diskPath: path.posix.join(OVA_MOUNT, path.basename(fixture.ova)),
        },
      },
    });
    const pod = await core.createNamespacedPod({
      namespace: NAMESPACE,
      body: conversionPod(diskClaim, shareClaim),
    });
    const podName = pod.metadata!.name!;
    const converted = await until(
      () => core.readNamespacedPod({ namespace: NAMESPACE, name: podName }),
      finished,
      { timeoutMs: 60 * 60_000, what: 'virt-v2v to finish' },
    );
    const conversionLog = await core.readNamespacedPodLog({ namespace: NAMESPACE, name: podName });
    assert.equal(
      converted.status?.phase,
      'Succeeded',
      `virt-v2v failed; the end of its log:\n${conversionLog.slice(-4000)}`,
    );
    // virt-v2v names a Debian guest by its /etc/debian_version, and it ran the guest's (no-op)
    // update-initramfs. (assert.ok: the log is most of a megabyte.)
    assert.ok(
      /Converting [\d.]+ to run on KVM/.test(conversionLog),
      'virt-v2v converted the guest',
    );
    assert.ok(
      /command "\/usr\/sbin\/update-initramfs /.test(conversionLog),
      'virt-v2v ran update-initramfs',
    );

    await custom.createNamespacedCustomObject({
      ...VirtualMachineModel,
      namespace: NAMESPACE,
      body: virtualMachine(diskClaim),
    });
    const launcher = await until(
      () =>
        core.listNamespacedPod({
          namespace: NAMESPACE,
          labelSelector: `vm.kubevirt.io/name=${SAMPLE_GUEST_NAME}`,
        }),
      (pods) => pods.items.length > 0,
      { timeoutMs: 5 * 60_000, what: 'the launcher pod' },
    );
    const launcherName = launcher.items[0]!.metadata!.name!;
    const consoleLog = () =>
      core
        .readNamespacedPodLog({
          namespace: NAMESPACE,
          name: launcherName,
          container: 'guest-console-log',
        })
        .catch(() => '');
    const seen = await until(consoleLog, (log) => /login:/.test(log), {
      timeoutMs: 20 * 60_000,
      what: 'login: on the serial console',
    });
    assert.match(seen, /Debian GNU\/Linux 12 sample-guest ttyS0/);
  },
);
