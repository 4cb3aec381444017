// The vddk source against vcsim over HTTPS (a real vim25 endpoint and datastore file server) and
// the embedded API (the Secrets): the bytes put into a VM's flat extent come back through the
// RemoteImage, with undici and with the importer's raw copy (raw-reader).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import {
  createSoapClient,
  formatThumbprint,
  presentedCertificate,
  type PresentedCertificate,
} from '@forklift-console/vsphere';
import { startVcsim, type Vcsim } from '../../../../../scripts/vcsim.ts';
import { startTestServer, type TestServer } from '../../api/test-server.ts';
import { importRawImage } from '../raw-image.ts';
import type { RemoteImage } from '../remote-image.ts';
import { VddkSourceError } from './errors.ts';
import { vcsimDisk, type VcsimDisk } from './vcsim-disk.test-support.ts';
import { vddkRemoteImage, type VddkSource } from './vddk-source.ts';

const NAMESPACE = 'vddk-imports';
const DISK_BYTES = 16 * 1024 * 1024;

describe('vddk source through the datastore HTTPS interface of vcsim', { timeout: 240_000 }, () => {
  let vcsim: Vcsim;
  let api: TestServer;
  let certificate: PresentedCertificate;
  let disk: VcsimDisk;
  let otherDisk: VcsimDisk;
  let work: string;
  const guestBytes = randomBytes(DISK_BYTES);

  const dataVolume = (source: Partial<VddkSource> = {}) => ({
    metadata: { name: 'web-disk-0', namespace: NAMESPACE },
    spec: {
      source: {
        vddk: {
          url: vcsim.sdkUrl,
          uuid: disk.uuid,
          backingFile: disk.backingFile,
          thumbprint: formatThumbprint(certificate.thumbprint),
          secretRef: 'vddk-credentials',
          initImageURL: 'quay.io/example/vddk:8',
          ...source,
        },
      },
    },
  });

  const fetchImage = (image: RemoteImage, init: { headers?: Record<string, string> } = {}) =>
    fetch(image.url, {
      dispatcher: new Agent({ connect: { ca: image.ca } }),
      headers: init.headers ?? image.headers,
    });

  const statusOf = async (image: RemoteImage) => {
    const response = await fetchImage(image);
    await response.body?.cancel();
    return response.status;
  };

  const secret = (name: string, stringData: Record<string, string>) =>
    api.core.createNamespacedSecret({
      namespace: NAMESPACE,
      body: { metadata: { name }, stringData },
    });

  before(async () => {
    [vcsim, api] = await Promise.all([
      startVcsim({ vms: 1 }, undefined, { tls: true }),
      startTestServer('vddk-source-'),
    ]);
    const url = new URL(vcsim.sdkUrl);
    certificate = await presentedCertificate(url.hostname, Number(url.port));
    const client = createSoapClient(vcsim.sdkUrl, { thumbprint: certificate.thumbprint });
    await client.login(vcsim.username, vcsim.password);
    disk = await vcsimDisk(client, 'DC0/vm/DC0_H0_VM0');
    otherDisk = await vcsimDisk(client, 'DC0/vm/DC0_C0_RP0_VM0');
    await client.logout();
    await client.close();
    // The guest's disk as the test knows it, put where vcsim keeps the datastore's files.
    await writeFile(disk.flatExtentFile, guestBytes);
    await api.core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
    // What Forklift writes into the DataVolume's Secret for CDI.
    await secret('vddk-credentials', { accessKeyId: vcsim.username, secretKey: vcsim.password });
    work = await mkdtemp(path.join(os.tmpdir(), 'vddk-source-'));
  });

  after(async () => {
    await Promise.all([vcsim?.stop(), api?.close(), work && rm(work, { recursive: true })]);
  });

  test('resolves to the flat extent, trusted by thumbprint, with a note that VDDK was not used, and logs out when released', async () => {
    const image = await vddkRemoteImage(api.core, dataVolume());
    const url = new URL(image.url);
    assert.equal(url.origin, new URL(vcsim.sdkUrl).origin);
    assert.equal(url.pathname, '/folder/DC0_H0_VM0/disk1-flat.vmdk');
    assert.equal(url.searchParams.get('dcPath'), 'DC0');
    assert.equal(url.searchParams.get('dsName'), 'LocalDS_0');
    assert.equal(image.rawSizeBytes, DISK_BYTES, 'a flat extent is raw bytes, not probed');
    assert.match(image.headers.cookie ?? '', /^vmware_soap_session=.+/);
    assert.equal(image.ca, certificate.pem, 'exactly the certificate whose thumbprint matched');
    assert.equal(
      image.note,
      `VDDK was not used: the disk is read through the datastore HTTPS interface of ${url.host}`,
    );

    const response = await fetchImage(image);
    assert.equal(response.status, 200);
    assert.ok(Buffer.from(await response.arrayBuffer()).equals(guestBytes), 'same bytes');

    // Released once the import is over: the session is logged out, its cookie lets in no more.
    await image.release!();
    const afterRelease = await fetchImage(image);
    assert.equal(afterRelease.status, 401);
    await afterRelease.body?.cancel();
  });

  test("the importer's raw copy yields the same bytes", async () => {
    const image = await vddkRemoteImage(api.core, dataVolume());
    const diskImage = path.join(work, 'disk.img');
    try {
      await importRawImage(
        image,
        image.rawSizeBytes!,
        { diskImage, capacityBytes: DISK_BYTES },
        {},
      );
    } finally {
      await image.release!();
    }
    assert.ok((await readFile(diskImage)).equals(guestBytes), 'same bytes');
  });

  test("each of vcsim's VMs has a disk of its own that boots and names it", async () => {
    const image = await vddkRemoteImage(
      api.core,
      dataVolume({ uuid: otherDisk.uuid, backingFile: otherDisk.backingFile }),
    );
    const bytes = Buffer.from(await (await fetchImage(image)).arrayBuffer());
    assert.equal(bytes.length, DISK_BYTES);
    assert.equal(bytes.readUInt16LE(510), 0xaa55, 'a boot signature');
    assert.match(bytes.subarray(0, 512).toString('latin1'), /vcsim disk 1 of DC0_C0_RP0_VM0\r\n/);
    assert.ok(!bytes.subarray(DISK_BYTES - 4096).equals(Buffer.alloc(4096)), 'content at the end');
  });

  test('a provider-style Secret (user, password, cacert) is accepted too', async () => {
    await secret('provider-credentials', {
      user: vcsim.username,
      password: vcsim.password,
      cacert: certificate.pem,
    });
    const image = await vddkRemoteImage(
      api.core,
      dataVolume({ secretRef: 'provider-credentials', thumbprint: '' }),
    );
    assert.equal(image.ca, certificate.pem);
    assert.equal(await statusOf(image), 200);
  });

  test("a certConfigMap's CA trusts the server as CDI's does, when there is no thumbprint", async () => {
    await api.core.createNamespacedConfigMap({
      namespace: NAMESPACE,
      body: { metadata: { name: 'vcenter-ca' }, data: { 'ca.pem': certificate.pem } },
    });
    const image = await vddkRemoteImage(
      api.core,
      dataVolume({ certConfigMap: 'vcenter-ca', thumbprint: '' }),
    );
    assert.equal(image.ca, certificate.pem);
    assert.equal(await statusOf(image), 200);
    await rejects(
      { certConfigMap: 'no-such-ca', thumbprint: '' },
      'InvalidSource',
      /ConfigMap vddk-imports\/no-such-ca \(spec\.source\.vddk\.certConfigMap\)/,
    );
  });

  test('/folder wants credentials: a live session or basic auth of the vCenter user, else 401', async () => {
    const image = await vddkRemoteImage(api.core, dataVolume());
    const anonymous = await fetchImage(image, { headers: {} });
    assert.equal(anonymous.status, 401);
    await anonymous.body?.cancel();
    const forged = await fetchImage(image, { headers: { cookie: 'vmware_soap_session=forged' } });
    assert.equal(forged.status, 401);
    await forged.body?.cancel();
    // A session's cookie lets in while the session lives, and no longer once it is logged out.
    const client = createSoapClient(vcsim.sdkUrl, { thumbprint: certificate.thumbprint });
    await client.login(vcsim.username, vcsim.password);
    const cookie = client.sessionCookie()!;
    const live = await fetchImage(image, { headers: { cookie } });
    assert.equal(live.status, 200);
    await live.body?.cancel();
    await client.logout();
    await client.close();
    const ended = await fetchImage(image, { headers: { cookie } });
    assert.equal(ended.status, 401);
    await ended.body?.cancel();
    const basic = Buffer.from(`${vcsim.username}:${vcsim.password}`).toString('base64');
    const withBasic = await fetchImage(image, { headers: { authorization: `Basic ${basic}` } });
    assert.equal(withBasic.status, 200);
    await withBasic.body?.cancel();
  });

  test('/folder answers a range with those bytes, and a path with ../ in it reads nothing without credentials', async () => {
    const image = await vddkRemoteImage(api.core, dataVolume());
    const whole = Buffer.from(await (await fetchImage(image)).arrayBuffer());
    const range = await fetchImage(image, {
      headers: { ...image.headers, range: 'bytes=512-1023' },
    });
    assert.equal(range.status, 206);
    assert.deepEqual(Buffer.from(await range.arrayBuffer()), whole.subarray(512, 1024));
    // A path sent as is (fetch would resolve the `..`): it leaves /folder and comes back into the
    // datastore, and must not get past the credentials check on the way.
    const url = new URL(image.url);
    const [, , vmFolder, file] = url.pathname.split('/');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = https.get(
        {
          host: url.hostname,
          port: url.port,
          path: `/folder/../${vmFolder}/${file}${url.search}`,
          ca: image.ca,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
    });
    assert.ok(status !== 200 && status !== 206, `answered ${status}`);
  });

  const rejects = async (source: Partial<VddkSource>, reason: string, message: RegExp) =>
    assert.rejects(vddkRemoteImage(api.core, dataVolume(source)), (error) => {
      assert.ok(error instanceof VddkSourceError, String(error));
      assert.equal(error.reason, reason);
      assert.match(error.message, message);
      return true;
    });

  test('a wrong password fails with the login fault and does not repeat the password', async () => {
    await secret('wrong-password', { accessKeyId: vcsim.username, secretKey: 'not-the-password' });
    await rejects({ secretRef: 'wrong-password' }, 'InvalidLogin', /InvalidLogin/);
    await assert.rejects(
      vddkRemoteImage(api.core, dataVolume({ secretRef: 'wrong-password' })),
      (error: Error) => !error.message.includes('not-the-password'),
    );
  });

  test('another certificate than the thumbprint says is refused before logging in', () =>
    rejects(
      { thumbprint: 'AA:'.repeat(19) + 'AA' },
      'ThumbprintMismatch',
      new RegExp(`thumbprint ${formatThumbprint(certificate.thumbprint)}, not (AA:){19}AA`),
    ));

  test('an unknown VM, a missing file and a missing Secret are named', async () => {
    await rejects({ uuid: '00000000-0000-4000-8000-000000000000' }, 'VMNotFound', /UUID 0{8}-/);
    await rejects(
      { backingFile: '[LocalDS_0] DC0_H0_VM0/missing.vmdk' },
      'FileNotFound',
      /DC0_H0_VM0\/missing\.vmdk is not on datastore LocalDS_0 of datacenter DC0 .*\(404\)/,
    );
    await rejects({ secretRef: 'nowhere' }, 'SecretNotFound', /Secret vddk-imports\/nowhere/);
    await rejects({ url: '' }, 'InvalidSource', /spec\.source\.vddk\.url is required/);
  });

  test('a file that is no descriptor, or an extent shorter than its descriptor says, is refused', async () => {
    const folder = path.dirname(disk.flatExtentFile);
    await writeFile(
      path.join(folder, 'hosted.vmdk'),
      Buffer.from('KDMV\x01\x00\x00\x00', 'latin1'),
    );
    await rejects(
      { backingFile: '[LocalDS_0] DC0_H0_VM0/hosted.vmdk' },
      'UnsupportedDisk',
      /hosted\.vmdk is not a VMDK descriptor/,
    );
    await writeFile(
      path.join(folder, 'short.vmdk'),
      '# Disk DescriptorFile\ncreateType="vmfs"\nRW 2048 VMFS "short-flat.vmdk"\n',
    );
    await writeFile(path.join(folder, 'short-flat.vmdk'), Buffer.alloc(1000));
    await rejects(
      { backingFile: '[LocalDS_0] DC0_H0_VM0/short.vmdk' },
      'UnsupportedDisk',
      /short-flat\.vmdk holds 1000 bytes where its descriptor says 1048576/,
    );
  });
});
