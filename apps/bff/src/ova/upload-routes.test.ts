// Uploading OVAs through the route against the embedded API server and a real folder as the share.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import {
  FORKLIFT_API_VERSION,
  ForkliftControllerModel,
  ProviderModel,
  type ForkliftController,
} from '@forklift-console/api';
import { makeSampleOva, sampleOvfXml } from '../../../../scripts/sample-ova.ts';
import { tarArchive } from '../../../../scripts/ustar.ts';
import { startTestApi, type TestApi } from '../test-support/embedded-api.ts';
import {
  bearer,
  grantRole,
  PROVIDER_READER,
} from '@forklift-console/embedded-cluster/test-support/rbac';
import { localShareDir } from '../inventory/ova/share.ts';
import { createInventoryRegistry } from '../inventory/registry.ts';
import { createOvaInventory } from '../inventory/ova/ova-inventory.ts';
import { fileNameProblem, ovaUploadRoutes } from './upload-routes.ts';
import { actAsBearerOrAdministrator } from '../test-support/caller.ts';

const SHARE_URL = 'nfs://nfs.example.com/exports/ova';
const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const BOUNDARY = 'ova-upload-test-boundary';

const multipartHead = (fileName: string) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
const multipartTail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
const multipartBody = (fileName: string, content: Buffer) =>
  Buffer.concat([multipartHead(fileName), content, multipartTail]);
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

describe(
  'POST /api/v1/namespaces/:namespace/providers/:name/ova-files',
  { timeout: 120_000 },
  () => {
    let api: TestApi;
    let shareDir: string;
    let custom: CustomObjectsApi;
    let app: FastifyInstance;
    let baseUrl: string;
    let sample: Buffer;
    const inventories = createInventoryRegistry();

    const upload = (fileName: string, content: Buffer, provider = 'uploads', token?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/namespaces/mtv/providers/${provider}/ova-files`,
        headers: {
          'content-type': CONTENT_TYPE,
          ...bearer(token),
        },
        payload: multipartBody(fileName, content),
      });

    /** What is in the share, hidden temporary files included. */
    const shareFiles = async () => (await readdir(shareDir)).sort();

    const setFeatureFlag = async (value: 'true' | 'false') => {
      const target = { ...ForkliftControllerModel, namespace: 'mtv', name: 'forklift-controller' };
      const controller = (await custom.getNamespacedCustomObject(target)) as ForkliftController;
      await custom.replaceNamespacedCustomObject({
        ...target,
        body: {
          ...controller,
          spec: { ...controller.spec, feature_ova_appliance_management: value },
        },
      });
    };

    before(async () => {
      api = await startTestApi('bff-ova-upload-', {
        tokens: [{ token: 'reader-token', user: 'reader' }],
      });
      const shareRoot = path.join(api.dataDir, 'shares');
      shareDir = localShareDir(SHARE_URL, shareRoot);
      await mkdir(shareDir, { recursive: true });
      const { connection } = api;
      custom = connection.kubeConfig.makeApiClient(CustomObjectsApi);
      await connection.kubeConfig
        .makeApiClient(CoreV1Api)
        .createNamespace({ body: { metadata: { name: 'mtv' } } });
      await custom.createNamespacedCustomObject({
        ...ForkliftControllerModel,
        namespace: 'mtv',
        body: {
          apiVersion: FORKLIFT_API_VERSION,
          kind: ForkliftControllerModel.kind,
          metadata: { name: 'forklift-controller', namespace: 'mtv' },
          spec: { feature_ova_appliance_management: 'true' },
        },
      });
      for (const [name, applianceManagement] of [
        ['uploads', 'true'],
        ['closed', 'false'],
      ] as const) {
        await custom.createNamespacedCustomObject({
          ...ProviderModel,
          namespace: 'mtv',
          body: {
            apiVersion: FORKLIFT_API_VERSION,
            kind: ProviderModel.kind,
            metadata: { name, namespace: 'mtv' },
            spec: {
              type: 'ova',
              url: SHARE_URL,
              secret: { name: `${name}-secret`, namespace: 'mtv' },
              settings: { applianceManagement },
            },
          },
        });
      }
      await grantRole(connection.kubeConfig, {
        ...PROVIDER_READER,
        user: 'reader',
        namespace: 'mtv',
      });

      const samples = path.join(api.dataDir, 'samples');
      sample = await readFile(
        await makeSampleOva({ directory: samples, name: 'sample', disks: [{ capacityMiB: 4 }] }),
      );
      assert.ok(sample.length < MAX_UPLOAD_BYTES, 'the sample fits under the test cap');

      app = Fastify();

      actAsBearerOrAdministrator(app);
      await app.register(ovaUploadRoutes, {
        connection,
        inventories,
        ovaShareRoot: shareRoot,
        maxUploadBytes: MAX_UPLOAD_BYTES,
      });
      baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    });

    after(async () => {
      await inventories.stopAll();
      await app?.close();
      await api?.close();
    });

    test('the cap is published for the page to check before sending', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/ova-files/limits' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { maxFileBytes: MAX_UPLOAD_BYTES });
    });

    test('a good OVA lands in the share whole, and a second of that name is refused', async () => {
      const response = await upload('Good.OVA', sample);
      assert.equal(response.statusCode, 201, response.body);
      assert.deepEqual(response.json(), { name: 'Good.OVA', size: sample.length });
      assert.deepEqual(await readFile(path.join(shareDir, 'Good.OVA')), sample);

      const again = await upload('Good.OVA', sample);
      assert.equal(again.statusCode, 409);
      assert.match(again.json().message, /A file named Good\.OVA already exists/);
      assert.deepEqual(await shareFiles(), ['Good.OVA']);
      await rm(path.join(shareDir, 'Good.OVA'));
    });

    test('an uploaded OVA lists in the provider’s inventory without the wait for copies', async () => {
      const provider = (await custom.getNamespacedCustomObject({
        ...ProviderModel,
        namespace: 'mtv',
        name: 'uploads',
      })) as { metadata: { uid: string } };
      // As long a wait as the rescan period: only being told of the upload lists the file.
      const inventory = await inventories.ensure(provider.metadata.uid, 'test', () =>
        createOvaInventory({
          providerUid: provider.metadata.uid,
          shareDir,
          minAgeMs: 600_000,
          rescanMs: 600_000,
        }),
      );
      assert.equal(await inventory.waitForParity(10_000), true);
      const listed = new Promise<void>((resolve) =>
        inventory.subscribe((collections) => collections.includes('vms') && resolve()),
      );
      assert.equal((await upload('listed.ova', sample)).statusCode, 201);
      await listed;
      assert.deepEqual(
        (inventory.list('vms', { detail: 1 }) as { name: string }[]).map(({ name }) => name),
        ['sample'],
      );
      await inventories.remove(provider.metadata.uid);
      await rm(path.join(shareDir, 'listed.ova'));
    });

    test('a file of many write batches lands byte for byte', async () => {
      // Written a megabyte at a time: an odd size leaves a short last batch.
      const disk = randomBytes(5 * 1024 * 1024 + 3);
      const ova = tarArchive({
        'multi.ovf': sampleOvfXml({ name: 'multi' }, [
          { href: 'multi-disk1.vmdk', size: disk.length, capacityMiB: 8 },
        ]),
        'multi-disk1.vmdk': disk,
      });
      const response = await upload('multi.ova', ova);
      assert.equal(response.statusCode, 201, response.body);
      assert.ok((await readFile(path.join(shareDir, 'multi.ova'))).equals(ova));
      await rm(path.join(shareDir, 'multi.ova'));
    });

    test('names that are not plain .ova file names are refused', async () => {
      for (const name of ['sample.tar', 'sample.ova.txt', '.hidden.ova']) {
        const response = await upload(name, sample);
        assert.equal(response.statusCode, 400, name);
        assert.match(response.json().message, /^file name/);
      }
      assert.equal(fileNameProblem('a/b.ova'), 'file name must not contain path separators');
      assert.equal(fileNameProblem('a\\b.ova'), 'file name must not contain path separators');
      assert.match(fileNameProblem(`${'x'.repeat(252)}.ova`) ?? '', /at most 255 bytes/);
      assert.equal(fileNameProblem('vm.Ova'), undefined);
      assert.deepEqual(await shareFiles(), []);
    });

    test('bodies that are not an OVA are refused with the reason, leaving nothing', async () => {
      const noOvf = await upload('none.ova', tarArchive({ 'readme.txt': 'hello' }));
      assert.equal(noOvf.statusCode, 400);
      assert.match(noOvf.json().message, /no \.ovf file at its root/);

      const twoOvfs = await upload('two.ova', tarArchive({ 'a.ovf': '<a/>', 'b.ovf': '<b/>' }));
      assert.equal(twoOvfs.statusCode, 400);
      assert.match(twoOvfs.json().message, /2 \.ovf files at its root/);

      const notTar = await upload('text.ova', Buffer.from('just some text, not a tar'));
      assert.equal(notTar.statusCode, 400);
      assert.match(notTar.json().message, /file is not an OVA/);

      const badOvf = await upload('bad.ova', tarArchive({ 'vm.ovf': '<Envelope><unclosed>' }));
      assert.equal(badOvf.statusCode, 422);
      assert.match(badOvf.json().message, /OVF descriptor that does not parse/);
      assert.deepEqual(await shareFiles(), []);
    });

    test('a body with more than the one file part is refused, leaving nothing', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/namespaces/mtv/providers/uploads/ova-files',
        headers: { 'content-type': CONTENT_TYPE },
        payload: Buffer.concat([
          multipartHead('one.ova'),
          sample,
          Buffer.from('\r\n'),
          multipartBody('two.ova', sample),
        ]),
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.json().message, /exactly one part/);
      assert.deepEqual(await shareFiles(), []);
    });

    test('a body that is not well-formed multipart is a 400 saying so, leaving nothing', async () => {
      const noBoundary = /^content-type multipart\/form-data must have a boundary parameter$/;
      const malformed =
        /^body is not well-formed multipart\/form-data: Unexpected end of multipart data$/;
      const cases: [string, string | Buffer, RegExp][] = [
        ['multipart/form-data', multipartBody('x.ova', sample), noBoundary],
        ['multipart/form-data; boundary=', multipartBody('x.ova', sample), noBoundary],
        [
          `multipart/form-data; boundary=${'b'.repeat(300)}`,
          multipartBody('x.ova', sample),
          /^content-type boundary must be at most 70 characters$/,
        ],
        [CONTENT_TYPE, 'this is not multipart at all', malformed],
        // Cut off inside the file, after part of it was written to the share.
        [
          CONTENT_TYPE,
          Buffer.concat([multipartHead('cut.ova'), sample.subarray(0, 4096)]),
          malformed,
        ],
        [
          CONTENT_TYPE,
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="h.ova"\r\n`,
          malformed,
        ],
        [CONTENT_TYPE, `--${BOUNDARY}--\r\n`, /^body must hold a file part named "file"$/],
      ];
      for (const [contentType, payload, message] of cases) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/namespaces/mtv/providers/uploads/ova-files',
          headers: { 'content-type': contentType },
          payload,
        });
        const what = `${contentType} ${String(payload).slice(0, 40)}`;
        assert.equal(response.statusCode, 400, `${what}: ${response.body}`);
        assert.equal(response.json().statusCode, 400, what);
        assert.match(response.json().message, message, what);
      }
      assert.deepEqual(await shareFiles(), []);
    });

    test('a body over the cap is refused with 413 and no partial file is left', async () => {
      const big = tarArchive({ 'vm.ovf': '<a/>', 'disk.vmdk': Buffer.alloc(MAX_UPLOAD_BYTES + 1) });
      const response = await upload('big.ova', big);
      assert.equal(response.statusCode, 413);
      assert.match(response.json().message, /larger than the 8388608 bytes allowed/);
      assert.deepEqual(await shareFiles(), []);
    });

    test('over a real socket, a body over the cap still gets its 413 answer', async () => {
      const body = multipartBody(
        'socket.ova',
        tarArchive({ 'vm.ovf': '<a/>', 'disk.vmdk': Buffer.alloc(2 * MAX_UPLOAD_BYTES) }),
      );
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(
          `${baseUrl}/api/v1/namespaces/mtv/providers/uploads/ova-files`,
          {
            method: 'POST',
            headers: { 'content-type': CONTENT_TYPE, 'content-length': String(body.length) },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        // The server stops reading once it has refused: the rest of the body may not get through.
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
        });
        request.end(body);
      });
      assert.equal(answer.status, 413);
      assert.match(JSON.parse(answer.text).message, /larger than the 8388608 bytes allowed/);
      assert.deepEqual(await shareFiles(), []);
    });

    test('a client that disconnects midway leaves neither the file nor a partial one', async () => {
      const request = http.request(`${baseUrl}/api/v1/namespaces/mtv/providers/uploads/ova-files`, {
        method: 'POST',
        headers: {
          'content-type': CONTENT_TYPE,
          'content-length': String(multipartBody('cut.ova', sample).length),
        },
      });
      request.on('error', () => {});
      request.write(multipartHead('cut.ova'));
      request.write(sample.subarray(0, Math.floor(sample.length / 2)));
      // The upload is under way once its temporary file exists.
      for (let tries = 0; !(await shareFiles()).some((f) => f.endsWith('.partial')); tries++) {
        assert.ok(tries < 200, 'the upload never started writing');
        await sleep(25);
      }
      request.destroy();
      for (let tries = 0; (await shareFiles()).length > 0; tries++) {
        assert.ok(tries < 200, `still in the share: ${(await shareFiles()).join(', ')}`);
        await sleep(25);
      }
    });

    test('of two concurrent uploads of one name exactly one wins', async () => {
      const answers = await Promise.all([upload('race.ova', sample), upload('race.ova', sample)]);
      assert.deepEqual(answers.map((answer) => answer.statusCode).sort(), [201, 409]);
      assert.deepEqual(await shareFiles(), ['race.ova']);
      assert.deepEqual(await readFile(path.join(shareDir, 'race.ova')), sample);
      await rm(path.join(shareDir, 'race.ova'));
    });

    test('uploads are refused while a switch is off, naming it', async () => {
      const closed = await upload('closed.ova', sample, 'closed');
      assert.equal(closed.statusCode, 409);
      assert.match(closed.json().message, /settings\.applianceManagement/);

      await setFeatureFlag('false');
      try {
        const off = await upload('off.ova', sample);
        assert.equal(off.statusCode, 403);
        assert.match(off.json().message, /feature_ova_appliance_management/);
      } finally {
        await setFeatureFlag('true');
      }
      assert.deepEqual(await shareFiles(), []);
    });

    test('a user who may not update the provider is refused', async () => {
      const response = await upload('reader.ova', sample, 'uploads', 'reader-token');
      assert.equal(response.statusCode, 403);
      assert.match(response.json().message, /permission to update provider mtv\/uploads/);

      const missing = await upload('missing.ova', sample, 'no-such-provider');
      assert.equal(missing.statusCode, 404);
      assert.deepEqual(await shareFiles(), []);
    });
  },
);
