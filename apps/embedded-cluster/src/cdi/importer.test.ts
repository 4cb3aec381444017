import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, stat } from 'node:fs/promises';
import { claimVolume } from '../volumes/claim-volume.ts';
import { startVolumeProvisioner } from '../volumes/provisioner.ts';
import { startTestCluster, type TestCluster } from '../volumes/test-cluster.ts';
import { POD_PHASE_ANNOTATION } from './claim.ts';
import { startCdiImporter } from './importer.ts';
import { startImageServer, type ImageServer } from './test-image-server.ts';
import {
  createDv,
  dvInPhase,
  imageFolder,
  makeCertificate,
  makeImage,
  sameGuestBytes,
  toolsMissing,
  watchProgress,
} from './test-images.ts';
import { eventually } from '../test-support/eventually.ts';

const NS = 'imports';
const OTHER_NS = 'clones';
const skip = toolsMissing();
let cluster: TestCluster;
let server: ImageServer;
let tlsServer: ImageServer;
let tlsCertificate: string;
const images: Record<string, string> = {};
let folder: string | undefined;

before(async () => {
  if (skip) return;
  folder = await imageFolder();
  images.qcow2 = makeImage(folder, 'guest.qcow2', 'qcow2', '8M');
  images.raw = makeImage(folder, 'guest.raw', 'raw', '4M');
  // 16 MiB of which 2 MiB hold data: the rest is written out by the server as zeros.
  images.holey = makeImage(folder, 'holey.raw', 'raw', '16M', [
    'write -P 0x3c 0 1M',
    'write -P 0xc3 12M 1M',
  ]);
  images.vmdk = makeImage(folder, 'guest.vmdk', 'vmdk', '8M', undefined, [
    '-o',
    'subformat=streamOptimized',
  ]);
  // Every cluster holds data, so that qemu-img's progress moves evenly through it.
  images.big = makeImage(folder, 'big.qcow2', 'qcow2', '16M', ['write -P 0x11 0 16M']);
  const tls = await makeCertificate(folder);
  tlsCertificate = tls.cert;
  server = await startImageServer({
    '/guest.qcow2': { file: images.qcow2 },
    '/guest.vmdk': { file: images.vmdk },
    '/slow.qcow2': { file: images.big, delayPer64KiB: 20 },
    '/private.raw': {
      file: images.raw,
      auth: { user: 'importer', password: 's3cret' },
      header: 'X-Tenant: blue',
    },
    '/cut.qcow2': { file: images.qcow2, truncateTo: 200_000 },
    '/holey.raw': { file: images.holey },
    '/dropped.raw': { file: images.holey, dropAfter: 5 * 1024 * 1024 },
  });
  tlsServer = await startImageServer({ '/guest.qcow2': { file: images.qcow2 } }, tls);
  cluster = await startTestCluster(
    'cdi-importer-',
    [startVolumeProvisioner, startCdiImporter],
    [NS, OTHER_NS],
  );
});
after(async () => {
  await cluster?.close();
  await server?.close();
  await tlsServer?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const diskOf = async (namespace: string, name: string) => {
  const volume = await claimVolume(cluster.core, namespace, name);
  assert.ok(volume, `PVC ${name} is Bound`);
  return volume;
};

const runningMessage = (dv: { status?: { conditions?: { type: string; message?: string }[] } }) =>
  dv.status?.conditions?.find((condition) => condition.type === 'Running')?.message ?? '';

const eventOf = (name: string, reason: string) =>
  eventually(
    async () => {
      const { items } = await cluster.core.listNamespacedEvent({
        namespace: NS,
        fieldSelector: `involvedObject.name=${name}`,
      });
      return items.find((item) => item.reason === reason);
    },
    { what: `event ${reason} on ${name}` },
  );

test(
  'an http qcow2 becomes a Bound PVC with the same guest bytes, progress rising on a watch',
  { skip },
  async () => {
    const progress = await watchProgress(cluster.admin, NS, 'slow-disk');
    await createDv(cluster.custom, NS, {
      metadata: { name: 'slow-disk' },
      spec: {
        source: { http: { url: server.url('/slow.qcow2') } },
        storage: { resources: { requests: { storage: '20Mi' } } },
      },
    });
    const dv = await dvInPhase(cluster.custom, NS, 'slow-disk', 'Succeeded', 120_000);
    progress.stop();
    assert.equal(dv.status?.progress, '100.0%');
    assert.equal(dv.status?.claimName, 'slow-disk');
    assert.equal(dv.status?.restartCount, 0);
    assert.deepEqual(
      dv.status?.conditions?.map(({ type, status }) => `${type}=${status}`),
      ['Bound=True', 'Running=False', 'Ready=True'],
    );
    const percents = progress.seen
      .filter((value) => value !== 'N/A')
      .map((value) => parseFloat(value));
    const between = percents.filter((value) => value > 0 && value < 100);
    assert.ok(between.length >= 2, `progress seen: ${progress.seen.join(', ')}`);
    assert.deepEqual(
      percents,
      [...percents].sort((a, b) => a - b),
      'progress only rises',
    );
    const disk = await diskOf(NS, 'slow-disk');
    assert.equal(disk.volumeMode, 'Filesystem');
    assert.ok(disk.diskImage.endsWith('/disk.img'));
    assert.equal((await stat(disk.diskImage)).size, 20 * 1024 * 1024);
    assert.ok(sameGuestBytes(images.big!, 'qcow2', disk.diskImage));
    const claim = await cluster.core.readNamespacedPersistentVolumeClaim({
      namespace: NS,
      name: 'slow-disk',
    });
    assert.equal(claim.metadata?.ownerReferences?.[0]?.kind, 'DataVolume');
    assert.equal(
      claim.metadata?.annotations?.['cdi.kubevirt.io/storage.import.endpoint'],
      server.url('/slow.qcow2'),
    );
    assert.equal((await eventOf('slow-disk', 'ImportSucceeded')).type, 'Normal');
  },
);

test('a streamOptimized VMDK imports into a Block volume', { skip }, async () => {
  await createDv(cluster.custom, NS, {
    metadata: { name: 'vmdk-disk' },
    spec: {
      source: { http: { url: server.url('/guest.vmdk') } },
      storage: { volumeMode: 'Block', resources: { requests: { storage: '8Mi' } } },
    },
  });
  await dvInPhase(cluster.custom, NS, 'vmdk-disk', 'Succeeded');
  const disk = await diskOf(NS, 'vmdk-disk');
  assert.equal(disk.volumeMode, 'Block');
  assert.ok(sameGuestBytes(images.vmdk!, 'vmdk', disk.diskImage));
});

test(
  'secretRef and secretExtraHeaders let the importer in; the secret stays out of the status',
  { skip },
  async () => {
    await cluster.core.createNamespacedSecret({
      namespace: NS,
      body: {
        metadata: { name: 'image-login' },
        stringData: { accessKeyId: 'importer', secretKey: 's3cret' },
      },
    });
    await cluster.core.createNamespacedSecret({
      namespace: NS,
      body: { metadata: { name: 'tenant-header' }, stringData: { header: 'X-Tenant: blue' } },
    });
    await createDv(cluster.custom, NS, {
      metadata: { name: 'private-disk' },
      spec: {
        source: {
          http: {
            url: server.url('/private.raw'),
            secretRef: 'image-login',
            secretExtraHeaders: ['tenant-header'],
          },
        },
        storage: { resources: { requests: { storage: '4Mi' } } },
      },
    });
    const dv = await dvInPhase(cluster.custom, NS, 'private-disk', 'Succeeded');
    assert.ok(!JSON.stringify(dv).includes('s3cret'));
    assert.ok(sameGuestBytes(images.raw!, 'raw', (await diskOf(NS, 'private-disk')).diskImage));
  },
);

test(
  'without its password the import fails with the 401 in the Running condition',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, {
      metadata: { name: 'no-login' },
      spec: {
        source: { http: { url: server.url('/private.raw') } },
        storage: { resources: { requests: { storage: '4Mi' } } },
      },
    });
    const dv = await dvInPhase(cluster.custom, NS, 'no-login', 'Failed');
    assert.match(runningMessage(dv), /401/);
  },
);

test(
  'a missing image fails the DataVolume with the 404 and an ImportFailed event',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, {
      metadata: { name: 'missing-image' },
      spec: {
        source: {
          http: { url: server.url('/no-such.qcow2').replace('http://', 'http://someone:s3cret@') },
        },
        storage: { resources: { requests: { storage: '8Mi' } } },
      },
    });
    const dv = await dvInPhase(cluster.custom, NS, 'missing-image', 'Failed');
    assert.match(runningMessage(dv), /404/);
    const event = await eventOf('missing-image', 'ImportFailed');
    assert.match(event.message ?? '', /404/);
    assert.ok(
      !`${event.message} ${runningMessage(dv)}`.includes('s3cret'),
      'the password is not said',
    );
    const claim = await cluster.core.readNamespacedPersistentVolumeClaim({
      namespace: NS,
      name: 'missing-image',
    });
    assert.equal(claim.metadata?.annotations?.[POD_PHASE_ANNOTATION], undefined);
  },
);

test('a qcow2 cut short fails and no disk image is left marked done', { skip }, async () => {
  await createDv(cluster.custom, NS, {
    metadata: { name: 'cut-image' },
    spec: {
      source: { http: { url: server.url('/cut.qcow2') } },
      storage: { resources: { requests: { storage: '8Mi' } } },
    },
  });
  const dv = await dvInPhase(cluster.custom, NS, 'cut-image', 'Failed');
  assert.match(runningMessage(dv), /corrupt or cut short/);
  const disk = await diskOf(NS, 'cut-image');
  await assert.rejects(stat(disk.diskImage), { code: 'ENOENT' });
  await assert.rejects(stat(`${disk.diskImage}.importing`), { code: 'ENOENT' });
});

test(
  'a raw image keeps its zeros as holes: the volume holds only the data blocks',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, {
      metadata: { name: 'holey-disk' },
      spec: {
        source: { http: { url: server.url('/holey.raw') } },
        storage: { resources: { requests: { storage: '16Mi' } } },
      },
    });
    await dvInPhase(cluster.custom, NS, 'holey-disk', 'Succeeded');
    const disk = await diskOf(NS, 'holey-disk');
    assert.ok((await readFile(disk.diskImage)).equals(await readFile(images.holey!)));
    const allocated = (await stat(disk.diskImage)).blocks * 512;
    assert.ok(allocated <= 4 * 1024 * 1024, `${allocated} bytes allocated for 2 MiB of data`);
  },
);

test(
  'a raw body cut short of its Content-Length fails with the cause; no disk image is left',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, {
      metadata: { name: 'dropped-disk' },
      spec: {
        source: { http: { url: server.url('/dropped.raw') } },
        storage: { resources: { requests: { storage: '16Mi' } } },
      },
    });
    const dv = await dvInPhase(cluster.custom, NS, 'dropped-disk', 'Failed');
    assert.match(runningMessage(dv), /partial|closed|bytes remaining/i);
    const disk = await diskOf(NS, 'dropped-disk');
    await assert.rejects(stat(disk.diskImage), { code: 'ENOENT' });
    await assert.rejects(stat(`${disk.diskImage}.importing`), { code: 'ENOENT' });
  },
);

test(
  'an https server whose certificate is not trusted fails; with its CA in certConfigMap it imports',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, {
      metadata: { name: 'untrusted' },
      spec: {
        source: { http: { url: tlsServer.url('/guest.qcow2') } },
        storage: { resources: { requests: { storage: '8Mi' } } },
      },
    });
    const failed = await dvInPhase(cluster.custom, NS, 'untrusted', 'Failed');
    assert.match(runningMessage(failed), /certificate/i);

    await cluster.core.createNamespacedConfigMap({
      namespace: NS,
      body: { metadata: { name: 'image-ca' }, data: { 'ca.pem': tlsCertificate } },
    });
    await createDv(cluster.custom, NS, {
      metadata: { name: 'trusted' },
      spec: {
        source: { http: { url: tlsServer.url('/guest.qcow2'), certConfigMap: 'image-ca' } },
        storage: { resources: { requests: { storage: '8Mi' } } },
      },
    });
    await dvInPhase(cluster.custom, NS, 'trusted', 'Succeeded');
    assert.ok(sameGuestBytes(images.qcow2!, 'qcow2', (await diskOf(NS, 'trusted')).diskImage));
  },
);

test('a blank DataVolume is a zeroed disk image of the requested size', { skip }, async () => {
  await createDv(cluster.custom, NS, {
    metadata: { name: 'blank-disk' },
    spec: { source: { blank: {} }, pvc: { resources: { requests: { storage: '2Mi' } } } },
  });
  await dvInPhase(cluster.custom, NS, 'blank-disk', 'Succeeded');
  const bytes = await readFile((await diskOf(NS, 'blank-disk')).diskImage);
  assert.equal(bytes.length, 2 * 1024 * 1024);
  assert.ok(bytes.every((byte) => byte === 0));
});

test("a pvc source clones another namespace's disk", { skip }, async () => {
  await createDv(cluster.custom, NS, {
    metadata: { name: 'clone-source' },
    spec: {
      source: { http: { url: server.url('/guest.qcow2') } },
      storage: { volumeMode: 'Block', resources: { requests: { storage: '8Mi' } } },
    },
  });
  await dvInPhase(cluster.custom, NS, 'clone-source', 'Succeeded');
  await createDv(cluster.custom, OTHER_NS, {
    metadata: { name: 'cloned' },
    spec: { source: { pvc: { namespace: NS, name: 'clone-source' } }, storage: {} },
  });
  const dv = await dvInPhase(cluster.custom, OTHER_NS, 'cloned', 'Succeeded');
  assert.equal(dv.status?.progress, '100.0%');
  const disk = await diskOf(OTHER_NS, 'cloned');
  assert.ok(sameGuestBytes(images.qcow2!, 'qcow2', disk.diskImage));
});

test(
  'deleting a DataVolume mid-import stops the transfer, and its PVC and volume go',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, {
      metadata: { name: 'abandoned' },
      spec: {
        source: { http: { url: server.url('/slow.qcow2') } },
        storage: { resources: { requests: { storage: '20Mi' } } },
      },
    });
    await dvInPhase(cluster.custom, NS, 'abandoned', 'ImportInProgress');
    const disk = await diskOf(NS, 'abandoned');
    await cluster.custom.deleteNamespacedCustomObject({
      group: 'cdi.kubevirt.io',
      version: 'v1beta1',
      plural: 'datavolumes',
      namespace: NS,
      name: 'abandoned',
    });
    await eventually(
      async () =>
        (await stat(disk.path).then(
          () => false,
          () => true,
        ))
          ? true
          : undefined,
      { what: 'the volume folder to go' },
    );
    const { items } = await cluster.core.listNamespacedPersistentVolumeClaim({ namespace: NS });
    assert.ok(!items.some((claim) => claim.metadata?.name === 'abandoned'));
  },
);
