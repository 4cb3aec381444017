import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { rm, truncate, writeFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { CDIConfigModel, UploadTokenRequestModel } from '@forklift-console/api';
import { signUploadToken, uploadTokenKey } from '../../api/upload-tokens.ts';
import { claimVolume } from '../../volumes/claim-volume.ts';
import { startVolumeProvisioner } from '../../volumes/provisioner.ts';
import { startTestCluster, type TestCluster } from '../../volumes/test-cluster.ts';
import { startCdiImporter } from '../importer.ts';
import {
  createDv,
  dvInPhase,
  imageFolder,
  makeImage,
  sameGuestBytes,
  toolsMissing,
} from '../test-images.ts';

const NS = 'uploads';
const skip = toolsMissing();
let cluster: TestCluster;
let folder = '';
const images: Record<string, string> = {};

before(async () => {
  if (skip) return;
  folder = await imageFolder();
  images.qcow2 = makeImage(folder, 'guest.qcow2', 'qcow2', '8M');
  images.raw = makeImage(folder, 'guest.raw', 'raw', '4M');
  images.vmdk = makeImage(folder, 'guest.vmdk', 'vmdk', '8M', undefined, [
    '-o',
    'subformat=streamOptimized',
  ]);
  images.cut = makeImage(folder, 'cut.qcow2', 'qcow2', '8M');
  await truncate(images.cut, 200_000);
  // A VMDK descriptor whose extent is a file of this machine: it must not be read into a volume.
  const secret = path.join(folder, 'secret.raw');
  await writeFile(secret, Buffer.alloc(1 << 20, 0x42));
  images.descriptor = path.join(folder, 'descriptor.vmdk');
  await writeFile(
    images.descriptor,
    [
      '# Disk DescriptorFile',
      'version=1',
      'CID=fffffffe',
      'parentCID=ffffffff',
      'createType="monolithicFlat"',
      `RW 2048 FLAT "${secret}" 0`,
      'ddb.adapterType = "ide"',
      '',
    ].join('\n'),
  );
  cluster = await startTestCluster('cdi-upload-', [startVolumeProvisioner, startCdiImporter], [NS]);
});
after(async () => {
  await cluster?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const uploadProxyUrl = async () => {
  const config = (await cluster.custom.getClusterCustomObject({
    group: CDIConfigModel.group,
    version: CDIConfigModel.version,
    plural: CDIConfigModel.plural,
    name: 'config',
  })) as { status?: { uploadProxyURL?: string; uploadProxyCA?: string } };
  return config.status ?? {};
};

const requestToken = async (pvcName: string) => {
  const answer = (await cluster.custom.createNamespacedCustomObject({
    group: UploadTokenRequestModel.group,
    version: UploadTokenRequestModel.version,
    plural: UploadTokenRequestModel.plural,
    namespace: NS,
    body: {
      apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
      kind: 'UploadTokenRequest',
      metadata: { name: pvcName },
      spec: { pvcName },
    },
  })) as { status?: { token?: string } };
  assert.ok(answer.status?.token, 'the request is answered with a token');
  return answer.status.token;
};

/** POSTs the file to the upload proxy's sync path, as virtctl image-upload does. */
const upload = async (file: string, token: string | undefined) => {
  const { uploadProxyURL, uploadProxyCA } = await uploadProxyUrl();
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = https.request(
      `https://${uploadProxyURL}/v1beta1/upload`,
      {
        method: 'POST',
        ca: uploadProxyCA,
        headers: {
          'content-type': 'application/octet-stream',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    createReadStream(file).pipe(request);
  });
};

const uploadDv = async (name: string) => {
  await createDv(cluster.custom, NS, {
    metadata: { name },
    spec: {
      source: { upload: {} },
      storage: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '16Mi' } } },
    },
  });
  return dvInPhase(cluster.custom, NS, name, 'UploadReady');
};

test(
  'an upload DataVolume is filled by an image POSTed to the proxy with an upload token',
  { skip },
  async () => {
    const ready = await uploadDv('uploaded');
    assert.equal(ready.status?.claimName, 'uploaded');
    const claim = await cluster.core.readNamespacedPersistentVolumeClaim({
      namespace: NS,
      name: 'uploaded',
    });
    assert.equal(claim.metadata?.annotations?.['cdi.kubevirt.io/storage.upload.target'], '');

    const { status, body } = await upload(images.qcow2!, await requestToken('uploaded'));
    assert.equal(status, 200, body);
    const done = await dvInPhase(cluster.custom, NS, 'uploaded', 'Succeeded');
    assert.equal(done.status?.progress, '100.0%');
    const volume = await claimVolume(cluster.core, NS, 'uploaded');
    assert.ok(volume);
    assert.ok(sameGuestBytes(images.qcow2!, 'qcow2', volume.diskImage), 'qemu-img compare equal');

    const { items } = await cluster.core.listNamespacedEvent({
      namespace: NS,
      fieldSelector: 'involvedObject.name=uploaded,involvedObject.kind=DataVolume',
    });
    const reasons = items.map((event) => event.reason);
    for (const reason of ['UploadScheduled', 'UploadReady', 'UploadSucceeded']) {
      assert.ok(reasons.includes(reason), `${reason} in ${reasons.join(', ')}`);
    }

    const again = await upload(images.qcow2!, await requestToken('uploaded'));
    assert.equal(again.status, 503);
    assert.match(again.body, /already finished uploading/);
  },
);

test('raw and streamOptimized VMDK images are taken as well', { skip }, async () => {
  for (const [name, format] of [
    ['raw-upload', 'raw'],
    ['vmdk-upload', 'vmdk'],
  ] as const) {
    await uploadDv(name);
    const { status, body } = await upload(images[format]!, await requestToken(name));
    assert.equal(status, 200, body);
    await dvInPhase(cluster.custom, NS, name, 'Succeeded');
    const volume = await claimVolume(cluster.core, NS, name);
    assert.ok(volume && sameGuestBytes(images[format]!, format, volume.diskImage), format);
  }
});

test(
  "a truncated qcow2 is refused with qemu-img's reason and the DataVolume stays UploadReady for a retry",
  { skip },
  async () => {
    await uploadDv('retried');
    const cut = await upload(images.cut!, await requestToken('retried'));
    assert.equal(cut.status, 400);
    assert.match(cut.body, /^Saving stream failed: the qcow2 image is corrupt or cut short/);
    await dvInPhase(cluster.custom, NS, 'retried', 'UploadReady');

    const retry = await upload(images.qcow2!, await requestToken('retried'));
    assert.equal(retry.status, 200, retry.body);
    await dvInPhase(cluster.custom, NS, 'retried', 'Succeeded');
  },
);

test(
  'a VMDK descriptor naming a file of this machine is refused, not read into the volume',
  { skip },
  async () => {
    await uploadDv('descriptor');
    const { status, body } = await upload(images.descriptor!, await requestToken('descriptor'));
    assert.equal(status, 400);
    assert.match(body, /refers to other files/);
    await dvInPhase(cluster.custom, NS, 'descriptor', 'UploadReady');
  },
);

test('no token, a forged token and an expired token are 401', { skip }, async () => {
  await uploadDv('guarded');
  assert.equal((await upload(images.qcow2!, undefined)).status, 401);
  const real = await requestToken('guarded');
  assert.equal((await upload(images.qcow2!, `${real.slice(0, -2)}xx`)).status, 401);
  const key = uploadTokenKey(cluster.dataDir);
  const expired = signUploadToken(
    key,
    { namespace: NS, pvcName: 'guarded' },
    Date.now() - 3_600_000,
  );
  assert.equal((await upload(images.qcow2!, expired)).status, 401);
  await dvInPhase(cluster.custom, NS, 'guarded', 'UploadReady');
});

test(
  'UploadTokenRequests are answered, never stored: only create is served',
  { skip },
  async () => {
    await assert.rejects(
      cluster.custom.listNamespacedCustomObject({
        group: UploadTokenRequestModel.group,
        version: UploadTokenRequestModel.version,
        plural: UploadTokenRequestModel.plural,
        namespace: NS,
      }),
      (error: { code?: number }) => error.code === 405,
    );
    await assert.rejects(
      cluster.custom.createNamespacedCustomObject({
        group: UploadTokenRequestModel.group,
        version: UploadTokenRequestModel.version,
        plural: UploadTokenRequestModel.plural,
        namespace: NS,
        body: {
          apiVersion: 'upload.cdi.kubevirt.io/v1beta1',
          kind: 'UploadTokenRequest',
          spec: {},
        },
      }),
      (error: { code?: number; body?: string }) =>
        error.code === 400 && /spec\.pvcName/.test(String(error.body)),
    );
  },
);
