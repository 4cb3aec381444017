import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import { volumesRoot } from './claim-volume.ts';
import { startVolumeProvisioner } from './provisioner.ts';
import { startTestCluster, type TestCluster } from './test-cluster.ts';
import { eventually } from '../test-support/eventually.ts';

const NS = 'vols';
let cluster: TestCluster;
before(async () => {
  cluster = await startTestCluster('volumes-', [startVolumeProvisioner], [NS]);
});
after(() => cluster.close());

const claim = (name: string, spec: V1PersistentVolumeClaim['spec']) =>
  cluster.core.createNamespacedPersistentVolumeClaim({
    namespace: NS,
    body: { metadata: { name }, spec },
  });

const bound = (name: string) =>
  eventually(
    async () => {
      const found = await cluster.core.readNamespacedPersistentVolumeClaim({ namespace: NS, name });
      return found.status?.phase === 'Bound' ? found : undefined;
    },
    { what: `${name} Bound` },
  );

test('a Block claim of the default class is bound to a sparse file of its size', async () => {
  const created = await claim('block-disk', {
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Block',
    resources: { requests: { storage: '64Mi' } },
  });
  const pvc = await bound('block-disk');
  const pvName = `pvc-${created.metadata?.uid}`;
  assert.equal(pvc.spec?.volumeName, pvName);
  assert.equal(pvc.status?.capacity?.storage, '64Mi');
  assert.deepEqual(pvc.status?.accessModes, ['ReadWriteOnce']);
  const pv = await cluster.core.readPersistentVolume({ name: pvName });
  assert.equal(pv.status?.phase, 'Bound');
  assert.equal(pv.spec?.storageClassName, 'hostpath-csi');
  assert.equal(pv.spec?.persistentVolumeReclaimPolicy, 'Delete');
  assert.equal(pv.spec?.volumeMode, 'Block');
  assert.equal(pv.spec?.capacity?.storage, '64Mi');
  assert.equal(pv.spec?.claimRef?.uid, created.metadata?.uid);
  const file = path.join(volumesRoot(cluster.dataDir), pvName);
  assert.equal(pv.spec?.local?.path, file);
  const info = await stat(file);
  assert.equal(info.size, 64 * 1024 * 1024);
  assert.ok(info.blocks * 512 < info.size, 'the file is sparse');
});

test('a Filesystem claim of a named class is bound to a folder', async () => {
  const created = await claim('fs-disk', {
    accessModes: ['ReadWriteMany'],
    storageClassName: 'nfs-csi',
    resources: { requests: { storage: '1Gi' } },
  });
  await bound('fs-disk');
  const pv = await cluster.core.readPersistentVolume({ name: `pvc-${created.metadata?.uid}` });
  assert.equal(pv.spec?.storageClassName, 'nfs-csi');
  assert.equal(pv.spec?.volumeMode, 'Filesystem');
  assert.deepEqual(pv.spec?.accessModes, ['ReadWriteMany']);
  assert.ok((await stat(pv.spec?.local?.path ?? '')).isDirectory());
});

test('a claim larger than the free space stays Pending with a ProvisioningFailed event', async () => {
  await claim('too-big', {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '64Pi' } },
  });
  const event = await eventually(
    async () => {
      const { items } = await cluster.core.listNamespacedEvent({
        namespace: NS,
        fieldSelector: 'involvedObject.name=too-big',
      });
      return items.find((item) => item.reason === 'ProvisioningFailed');
    },
    { what: 'the ProvisioningFailed event' },
  );
  assert.equal(event.type, 'Warning');
  assert.match(event.message ?? '', /64Pi \(64\.0 PiB\) requested, .* free/);
  const pvc = await cluster.core.readNamespacedPersistentVolumeClaim({
    namespace: NS,
    name: 'too-big',
  });
  assert.equal(pvc.status?.phase ?? 'Pending', 'Pending');
  assert.equal(pvc.spec?.volumeName, undefined);
});

test('a claim of a class the cluster lacks stays Pending and says so', async () => {
  await claim('no-class', {
    accessModes: ['ReadWriteOnce'],
    storageClassName: 'gold',
    resources: { requests: { storage: '1Mi' } },
  });
  const event = await eventually(
    async () => {
      const { items } = await cluster.core.listNamespacedEvent({
        namespace: NS,
        fieldSelector: 'involvedObject.name=no-class',
      });
      return items.find((item) => item.reason === 'ProvisioningFailed');
    },
    { what: 'the ProvisioningFailed event' },
  );
  assert.equal(event.message, 'storageclass.storage.k8s.io "gold" not found');
});

test('deleting the claim removes its PV and its file', async () => {
  const created = await claim('short-lived', {
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Block',
    resources: { requests: { storage: '1Mi' } },
  });
  const pvc = await bound('short-lived');
  const pv = await cluster.core.readPersistentVolume({ name: pvc.spec?.volumeName ?? '' });
  await cluster.core.deleteNamespacedPersistentVolumeClaim({ namespace: NS, name: 'short-lived' });
  await eventually(
    async () => {
      const { items } = await cluster.core.listPersistentVolume();
      return items.some((item) => item.metadata?.name === `pvc-${created.metadata?.uid}`)
        ? undefined
        : true;
    },
    { what: 'the PV to go' },
  );
  await assert.rejects(stat(pv.spec?.local?.path ?? ''), { code: 'ENOENT' });
});

test('after a restart, a volume whose claim went meanwhile is removed, and so is an orphan file', async () => {
  await claim('while-stopped', {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Mi' } },
  });
  const pvc = await bound('while-stopped');
  const pv = await cluster.core.readPersistentVolume({ name: pvc.spec?.volumeName ?? '' });
  await cluster.stopWorkers();
  await cluster.core.deleteNamespacedPersistentVolumeClaim({
    namespace: NS,
    name: 'while-stopped',
  });
  // What a crash between making the file and writing the PV leaves.
  const orphan = path.join(volumesRoot(cluster.dataDir), 'pvc-00000000-crashed');
  await mkdir(path.dirname(orphan), { recursive: true });
  await writeFile(orphan, 'half made');
  await cluster.startWorkers();
  await assert.rejects(stat(orphan), { code: 'ENOENT' });
  await eventually(
    async () => {
      const { items } = await cluster.core.listPersistentVolume();
      return items.some((item) => item.metadata?.name === pv.metadata?.name) ? undefined : true;
    },
    { what: 'the released PV to go' },
  );
  await assert.rejects(stat(pv.spec?.local?.path ?? ''), { code: 'ENOENT' });
});

test('a volume an administrator pre-binds to a claim by name keeps its bytes', async () => {
  const file = path.join(volumesRoot(cluster.dataDir), 'golden-image');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.alloc(1024 * 1024, 7));
  await cluster.core.createPersistentVolume({
    body: {
      metadata: { name: 'golden-image' },
      spec: {
        capacity: { storage: '1Mi' },
        accessModes: ['ReadWriteOnce'],
        volumeMode: 'Block',
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'hostpath-csi',
        local: { path: file },
        claimRef: { namespace: NS, name: 'golden' },
      },
    },
  });
  // Long enough for the provisioner to have judged the volume on its watch.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal((await stat(file)).size, 1024 * 1024, 'the file is still there');
  const pv = await cluster.core.readPersistentVolume({ name: 'golden-image' });
  assert.notEqual(pv.status?.phase, 'Released');
});
