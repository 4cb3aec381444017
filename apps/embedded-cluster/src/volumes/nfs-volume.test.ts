// Forklift's per-plan NFS volume for an OVA share, standalone: a PV with `spec.nfs` and a claim
// pre-bound to it are bound as the PV controller binds static volumes, and the share is the
// folder `<nfsShareRoot>/<server>/<path>`, which a claim's user (a conversion pod) reads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { findTool } from '../pods/local-command.ts';
import { startPodRunner } from '../pods/pod-runner.ts';
import { claimVolume } from './claim-volume.ts';
import { startVolumeProvisioner } from './provisioner.ts';
import { startTestCluster, type TestCluster } from './test-cluster.ts';
import { eventually } from '../test-support/eventually.ts';

const NS = 'ova-plans';
const SERVER = 'nfs.example.com';
const EXPORT = '/exports/ova';
let cluster: TestCluster;
let shareRoot = '';
let shareFolder = '';

before(async () => {
  shareRoot = await mkdtemp(path.join(os.tmpdir(), 'nfs-shares-'));
  shareFolder = path.join(shareRoot, SERVER, 'exports', 'ova');
  await mkdir(shareFolder, { recursive: true });
  cluster = await startTestCluster('nfs-volume-', [startVolumeProvisioner, startPodRunner], [NS], {
    nfsShareRoot: shareRoot,
  });
});
after(async () => {
  await cluster?.close();
  await rm(shareRoot, { recursive: true, force: true });
});

/** The PV and the claim Forklift makes for a plan's OVA share (ReadOnlyMany, no class, 1Gi). */
const createShareVolume = async (name: string, server: string, exportPath: string) => {
  await cluster.core.createPersistentVolume({
    body: {
      metadata: { name },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadOnlyMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: '',
        nfs: { server, path: exportPath },
      },
    },
  });
  await cluster.core.createNamespacedPersistentVolumeClaim({
    namespace: NS,
    body: {
      metadata: { name },
      spec: {
        accessModes: ['ReadOnlyMany'],
        storageClassName: '',
        volumeName: name,
        resources: { requests: { storage: '1Gi' } },
      },
    },
  });
};

const boundClaim = (name: string) =>
  eventually(
    async () => {
      const claim = await cluster.core.readNamespacedPersistentVolumeClaim({ namespace: NS, name });
      return claim.status?.phase === 'Bound' ? claim : undefined;
    },
    { what: `claim ${name} Bound` },
  );

test('a claim pre-bound to an NFS PV is bound to it, and its volume is the share folder', async () => {
  await createShareVolume('ova-store-a', SERVER, EXPORT);
  const claim = await boundClaim('ova-store-a');
  assert.equal(claim.spec?.volumeName, 'ova-store-a');
  assert.deepEqual(claim.status?.capacity, { storage: '1Gi' });
  const pv = await cluster.core.readPersistentVolume({ name: 'ova-store-a' });
  assert.equal(pv.status?.phase, 'Bound');
  assert.equal(pv.spec?.claimRef?.uid, claim.metadata?.uid);

  await writeFile(path.join(shareFolder, 'note.txt'), 'on the share');
  const volume = await claimVolume(cluster.core, NS, 'ova-store-a', { nfsShareRoot: shareRoot });
  assert.ok(volume, 'the claim has a volume');
  assert.equal(volume.path, shareFolder);
  assert.equal(await readFile(path.join(volume.path, 'note.txt'), 'utf8'), 'on the share');
  assert.equal(
    await claimVolume(cluster.core, NS, 'ova-store-a'),
    undefined,
    'without a share root an NFS volume is nowhere on this machine',
  );
});

test('a PV already bound to another claim leaves a pre-bound claim Pending with FailedBinding', async () => {
  await createShareVolume('ova-store-b', SERVER, EXPORT);
  await boundClaim('ova-store-b');
  await cluster.core.createNamespacedPersistentVolumeClaim({
    namespace: NS,
    body: {
      metadata: { name: 'intruder' },
      spec: {
        accessModes: ['ReadOnlyMany'],
        storageClassName: '',
        volumeName: 'ova-store-b',
        resources: { requests: { storage: '1Gi' } },
      },
    },
  });
  const event = await eventually(
    async () => {
      const { items } = await cluster.core.listNamespacedEvent({
        namespace: NS,
        fieldSelector: 'involvedObject.name=intruder,reason=FailedBinding',
      });
      return items[0];
    },
    { what: 'a FailedBinding event' },
  );
  assert.equal(event.message, 'volume "ova-store-b" already bound to a different claim.');
  const intruder = await cluster.core.readNamespacedPersistentVolumeClaim({
    namespace: NS,
    name: 'intruder',
  });
  assert.notEqual(intruder.status?.phase, 'Bound');
});

test(
  'a conversion pod mounting the share reads the OVA put there (virt-v2v’s own refusal names the file)',
  { skip: findTool('virt-v2v') ? false : 'virt-v2v is not installed' },
  async () => {
    await createShareVolume('ova-store-c', SERVER, EXPORT);
    await boundClaim('ova-store-c');
    await writeFile(path.join(shareFolder, 'broken.ova'), 'not an OVA archive');
    await cluster.core.createNamespacedPod({
      namespace: NS,
      body: {
        metadata: { name: 'ova-conversion', labels: { 'forklift.app': 'virt-v2v' } },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'virt-v2v',
              image: 'quay.io/kubev2v/forklift-virt-v2v:latest',
              env: [
                { name: 'V2V_source', value: 'ova' },
                { name: 'V2V_vmName', value: 'broken' },
                { name: 'V2V_diskPath', value: '/ova/broken.ova' },
              ],
              volumeMounts: [{ name: 'store-pv', mountPath: '/ova' }],
            },
          ],
          volumes: [{ name: 'store-pv', persistentVolumeClaim: { claimName: 'ova-store-c' } }],
        },
      },
    });
    const pod = await eventually(
      async () => {
        const found: V1Pod = await cluster.core.readNamespacedPod({
          namespace: NS,
          name: 'ova-conversion',
        });
        return found.status?.phase === 'Failed' ? found : undefined;
      },
      { what: 'the conversion pod to fail' },
    );
    assert.ok(pod.status?.containerStatuses?.[0]?.state?.terminated?.exitCode);
    const log = await cluster.core.readNamespacedPodLog({ namespace: NS, name: 'ova-conversion' });
    assert.ok(
      log.includes(
        `virt-v2v: error: ${path.join(shareFolder, 'broken.ova')}: unsupported file format`,
      ),
      log.slice(-2000),
    );
  },
);
