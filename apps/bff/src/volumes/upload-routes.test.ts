// Uploading a disk image into an upload DataVolume through the BFF, against the embedded cluster
// with its workers: the route speaks CDI's upload protocol with the caller's credentials and the
// cluster's upload proxy writes the volume.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StorageV1Api } from '@kubernetes/client-node';
import { DataVolumeModel, DEFAULT_STORAGE_CLASS_ANNOTATION } from '@forklift-console/api';
import {
  bearer,
  grantRole,
  writeTokens,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { startRouteTest, type RouteTest } from '../test-support/route-test.ts';
import { dataVolumeUploadRoutes } from './upload-routes.ts';

const NAMESPACE = 'uploads';
const UPLOADER = 'uploader-token';
const NO_TOKEN_RIGHTS = 'dv-reader-token';
const skip = ['qemu-img', 'qemu-io'].some((tool) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
})
  ? 'qemu-utils is not installed'
  : undefined;

type Answer = { statusCode: number; body: { message?: string; claimName?: string } };

describe('POST …/datavolumes/:name/upload', { skip }, () => {
  let routeTest: RouteTest;
  let baseUrl = '';
  let folder = '';
  let image = '';
  let cutImage = '';

  const dataVolumes = () => ({
    group: DataVolumeModel.group,
    version: DataVolumeModel.version,
    plural: DataVolumeModel.plural,
    namespace: NAMESPACE,
  });

  const createDataVolume = (name: string, source: object) =>
    routeTest.custom.createNamespacedCustomObject({
      ...dataVolumes(),
      body: {
        apiVersion: 'cdi.kubevirt.io/v1beta1',
        kind: 'DataVolume',
        metadata: { name },
        spec: {
          source,
          storage: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '16Mi' } } },
        },
      },
    });

  const phaseOf = async (name: string) =>
    (
      (await routeTest.custom.getNamespacedCustomObject({ ...dataVolumes(), name })) as {
        status?: { phase?: string };
      }
    ).status?.phase;

  const waitForPhase = async (name: string, phase: string) => {
    for (let tries = 0; tries < 300; tries += 1) {
      if ((await phaseOf(name)) === phase) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`DataVolume ${name} did not reach ${phase}; it is ${await phaseOf(name)}`);
  };

  /** The file a DataVolume's claim holds: its PV's local folder's disk.img (Filesystem). */
  const diskOf = async (claimName: string) => {
    const claim = await routeTest.core.readNamespacedPersistentVolumeClaim({
      namespace: NAMESPACE,
      name: claimName,
    });
    const pv = await routeTest.core.readPersistentVolume({ name: claim.spec?.volumeName ?? '' });
    return path.join(pv.spec?.local?.path ?? '', 'disk.img');
  };

  /** A real HTTP request with the file streamed as the body, as a browser or curl sends it. */
  const upload = (
    name: string,
    file: string,
    { token, contentType = 'application/octet-stream' }: { token?: string; contentType?: string },
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        `${baseUrl}/api/v1/namespaces/${NAMESPACE}/datavolumes/${name}/upload`,
        { method: 'POST', headers: { 'content-type': contentType, ...bearer(token) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ statusCode: response.statusCode ?? 0, body: JSON.parse(text) }),
          );
        },
      );
      request.on('error', reject);
      createReadStream(file).pipe(request);
    });

  before(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bff-upload-images-'));
    image = path.join(folder, 'guest.qcow2');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', image, '8M']);
    execFileSync(
      'qemu-io',
      ['-f', 'qcow2', '-c', 'write -P 0x5a 0 1M', '-c', 'write -P 0xa5 3M 512k', image],
      {
        stdio: 'ignore',
      },
    );
    cutImage = path.join(folder, 'cut.qcow2');
    execFileSync('cp', [image, cutImage]);
    await truncate(cutImage, 200_000);

    routeTest = await startRouteTest('bff-upload-', dataVolumeUploadRoutes, {
      namespace: NAMESPACE,
      clusterWorkers: true,
    });
    await writeTokens(routeTest.api.dataDir, [
      { token: UPLOADER, user: 'uploader' },
      { token: NO_TOKEN_RIGHTS, user: 'dv-reader' },
    ]);
    const { kubeConfig } = routeTest.connection;
    // The class the standalone app seeds, so that the cluster's provisioner binds the claims.
    await kubeConfig.makeApiClient(StorageV1Api).createStorageClass({
      body: {
        metadata: {
          name: 'hostpath-csi',
          annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' },
        },
        provisioner: 'kubevirt.io.hostpath-provisioner',
        reclaimPolicy: 'Delete',
      },
    });
    const readDataVolumes = {
      apiGroups: [DataVolumeModel.group],
      resources: ['datavolumes'],
      verbs: ['get'],
    };
    await grantRole(kubeConfig, {
      role: 'disk-uploader',
      rules: [
        readDataVolumes,
        {
          apiGroups: ['upload.cdi.kubevirt.io'],
          resources: ['uploadtokenrequests'],
          verbs: ['create'],
        },
      ],
      namespace: NAMESPACE,
      user: 'uploader',
    });
    await grantRole(kubeConfig, {
      role: 'dv-reader',
      rules: [readDataVolumes],
      namespace: NAMESPACE,
      user: 'dv-reader',
    });
    await routeTest.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(routeTest.app.server.address() as AddressInfo).port}`;
  });

  after(async () => {
    // The test's keep-alive sockets, which Fastify's close would otherwise wait out.
    routeTest?.app.server.closeAllConnections();
    await routeTest?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('a qcow2 uploaded by a user who may create upload tokens fills the claim with its guest bytes', async () => {
    await createDataVolume('root-disk', { upload: {} });
    await waitForPhase('root-disk', 'UploadReady');
    const answer = await upload('root-disk', image, { token: UPLOADER });
    assert.equal(answer.statusCode, 200, answer.body.message);
    assert.equal(answer.body.claimName, 'root-disk');
    await waitForPhase('root-disk', 'Succeeded');
    // qemu-img compare exits 0 only when the guest bytes are equal.
    execFileSync('qemu-img', [
      'compare',
      '-f',
      'qcow2',
      '-F',
      'raw',
      image,
      await diskOf('root-disk'),
    ]);

    const again = await upload('root-disk', image, { token: UPLOADER });
    assert.equal(again.statusCode, 409);
    assert.match(again.body.message ?? '', /already been uploaded/);
  });

  test("a truncated qcow2 is a 400 with qemu-img's reason and the DataVolume is not Succeeded", async () => {
    await createDataVolume('cut-disk', { upload: {} });
    await waitForPhase('cut-disk', 'UploadReady');
    const answer = await upload('cut-disk', cutImage, {});
    assert.equal(answer.statusCode, 400);
    assert.match(answer.body.message ?? '', /qcow2 image is corrupt or cut short/);
    assert.equal(await phaseOf('cut-disk'), 'UploadReady');
  });

  test('a caller who may not create upload tokens gets 403 and the proxy is never reached', async () => {
    await createDataVolume('guarded-disk', { upload: {} });
    await waitForPhase('guarded-disk', 'UploadReady');
    const answer = await upload('guarded-disk', image, { token: NO_TOKEN_RIGHTS });
    assert.equal(answer.statusCode, 403);
    assert.match(answer.body.message ?? '', /uploadtokenrequests/);
    assert.equal(await phaseOf('guarded-disk'), 'UploadReady');
  });

  test('a token the cluster does not know is 401', async () => {
    const answer = await upload('guarded-disk', image, { token: 'nobody-knows-me' });
    assert.equal(answer.statusCode, 401);
  });

  test('a DataVolume whose source is not upload is a 409 naming its source', async () => {
    await createDataVolume('blank-disk', { blank: {} });
    const answer = await upload('blank-disk', image, {});
    assert.equal(answer.statusCode, 409);
    assert.match(answer.body.message ?? '', /does not take uploads: its source is blank/);
  });

  test('a body that is not application/octet-stream is refused with 415', async () => {
    const text = path.join(folder, 'note.txt');
    await writeFile(text, 'not a disk image');
    const answer = await upload('guarded-disk', text, { contentType: 'text/plain' });
    assert.equal(answer.statusCode, 415);
  });
});
