// A DataVolume with a vddk source, as Forklift writes one for a vSphere VM's disk, imported from
// vcsim: the bytes the test put into the VM's flat extent on vcsim's datastore end up in the PVC,
// and the DataVolume says that VDDK was not used.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
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
import { createDv, dvInPhase, toolsMissing } from './test-images.ts';
import { vcsimDisk, type VcsimDisk } from './vddk/vcsim-disk.test-support.ts';

const NS = 'vsphere-imports';
const DISK_BYTES = 16 * 1024 * 1024;
const skip = toolsMissing();
let vcsim: Vcsim;
let cluster: TestCluster;
let disk: VcsimDisk;
let thumbprint: string;
const guestBytes = randomBytes(DISK_BYTES);

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
