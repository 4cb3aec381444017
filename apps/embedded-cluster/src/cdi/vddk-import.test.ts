// A DataVolume with a vddk source, as Forklift writes one for a vSphere VM's disk, imported from
// vcsim: the bytes the test put into the VM's flat extent on vcsim's datastore end up in the PVC,
// and the DataVolume says that VDDK was not used. The disk is raw bytes whatever they look like:
// its first sector is a qcow2 header, as a guest may write, and its zeros stay holes in the PVC.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import {
  createSoapClient,
  formatThumbprint,
  presentedCertificate,
} from '@forklift-console/vsphere';
import { startVcsim, type Vcsim } from '../../../../scripts/vcsim.ts';
import { claimVolume } from '../volumes/claim-volume.ts';
import { startVolumeProvisioner } from '../volumes/provisioner.ts';
import { startTestCluster, type TestCluster } from '../volumes/test-cluster.ts';
import { startCdiImporter } from './importer.ts';
import { createDv, dvInPhase, imageFolder, makeImage, toolsMissing } from './test-images.ts';
import { vcsimDisk, type VcsimDisk } from './vddk/vcsim-disk.test-support.ts';

const NS = 'vsphere-imports';
const DISK_BYTES = 16 * 1024 * 1024;
const skip = toolsMissing();
let vcsim: Vcsim;
let cluster: TestCluster;
let disk: VcsimDisk;
let thumbprint: string;
// Data in the first half, zeros in the second.
const guestBytes = Buffer.concat([randomBytes(DISK_BYTES / 2), Buffer.alloc(DISK_BYTES / 2)]);

before(async () => {
  if (skip) return;
  [vcsim, cluster] = await Promise.all([
    startVcsim({ vms: 1 }, undefined, { tls: true }),
    startTestCluster('vddk-import-', [startVolumeProvisioner, startCdiImporter], [NS]),
  ]);
  const url = new URL(vcsim.sdkUrl);
  const certificate = await presentedCertificate(url.hostname, Number(url.port));
  thumbprint = formatThumbprint(certificate.thumbprint);
  const client = createSoapClient(vcsim.sdkUrl, { thumbprint: certificate.thumbprint });
  await client.login(vcsim.username, vcsim.password);
  disk = await vcsimDisk(client, 'DC0/vm/DC0_H0_VM0');
  await client.logout();
  await client.close();
  const folder = await imageFolder();
  const qcow2 = await readFile(makeImage(folder, 'header.qcow2', 'qcow2', '16M', []));
  await rm(folder, { recursive: true, force: true });
  qcow2.copy(guestBytes, 0, 0, 512);
  await writeFile(disk.flatExtentFile, guestBytes);
  await cluster.core.createNamespacedSecret({
    namespace: NS,
    body: {
      metadata: { name: 'vcenter-credentials' },
      stringData: { accessKeyId: vcsim.username, secretKey: vcsim.password },
    },
  });
});
after(async () => {
  await cluster?.close();
  await vcsim?.stop();
});

const vddkDataVolume = (name: string, secretRef: string) => ({
  metadata: { name },
  spec: {
    source: {
      vddk: {
        url: vcsim.sdkUrl,
        uuid: disk.uuid,
        backingFile: disk.backingFile,
        thumbprint,
        secretRef,
        initImageURL: 'quay.io/example/vddk:8',
      },
    },
    storage: { volumeMode: 'Block', resources: { requests: { storage: '16Mi' } } },
  },
});

const runningMessage = (dv: { status?: { conditions?: { type: string; message?: string }[] } }) =>
  dv.status?.conditions?.find((condition) => condition.type === 'Running')?.message ?? '';

test(
  'a vddk DataVolume imports the disk vcsim holds, saying VDDK was not used',
  { skip },
  async () => {
    await createDv(cluster.custom, NS, vddkDataVolume('web-disk-0', 'vcenter-credentials'));
    const dv = await dvInPhase(cluster.custom, NS, 'web-disk-0', 'Succeeded', 120_000);
    assert.match(dv.status?.progress ?? '', /^100\.0+%$/);
    assert.match(runningMessage(dv), /VDDK was not used: the disk is read through the datastore/);
    const volume = await claimVolume(cluster.core, NS, 'web-disk-0');
    assert.ok(volume, 'its PVC is Bound');
    assert.ok((await readFile(volume.diskImage)).equals(guestBytes), 'the same bytes as vcsim’s');
    const allocated = (await stat(volume.diskImage)).blocks * 512;
    assert.ok(allocated <= (DISK_BYTES * 3) / 4, `${allocated} bytes allocated for 8 MiB of data`);
  },
);

test('a wrong password fails the DataVolume with vCenter’s own refusal', { skip }, async () => {
  await cluster.core.createNamespacedSecret({
    namespace: NS,
    body: {
      metadata: { name: 'stale-credentials' },
      stringData: { accessKeyId: vcsim.username, secretKey: 'not-the-password' },
    },
  });
  await createDv(cluster.custom, NS, vddkDataVolume('stale-disk', 'stale-credentials'));
  const dv = await dvInPhase(cluster.custom, NS, 'stale-disk', 'Failed', 120_000);
  assert.match(runningMessage(dv), /login/i);
  assert.doesNotMatch(JSON.stringify(dv), /not-the-password/);
});
