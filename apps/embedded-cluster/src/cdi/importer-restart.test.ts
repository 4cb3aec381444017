// kill -9 of the embedded cluster in the middle of an import: after a restart the import starts
// again (restartCount + 1) and completes with the source's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StorageV1Api } from '@kubernetes/client-node';
import { DEFAULT_STORAGE_CLASS_ANNOTATION } from '@forklift-console/api';
import { claimVolume } from '../volumes/claim-volume.ts';
import { startImageServer } from './test-image-server.ts';
import {
  createDv,
  dvInPhase,
  imageFolder,
  makeImage,
  sameGuestBytes,
  toolsMissing,
} from './test-images.ts';
import { kill9, startClusterProcess } from '../test-support/cluster-process.ts';
import { eventually } from '../test-support/eventually.ts';

test(
  'an import interrupted by kill -9 restarts after the restart and completes with the same bytes',
  { skip: toolsMissing() },
  async () => {
    const folder = await imageFolder();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cdi-kill-'));
    const image = makeImage(folder, 'slow.qcow2', 'qcow2', '8M', ['write -P 0x77 0 8M']);
    // The server stops three quarters into the image until the first cluster process is killed,
    // so the import is caught under way however loaded the machine: with a slow line alone, CI
    // once polled the whole copy at 0% and then saw it Succeeded. The server says when it holds,
    // not the progress: qemu-img may keep a read of a few MiB unwritten while a later one waits.
    const server = await startImageServer({
      '/slow.qcow2': { file: image, holdAfter: 6 * 1024 * 1024 },
    });
    const children: ChildProcess[] = [];
    try {
      const first = await startClusterProcess(dataDir);
      children.push(first.child);
      await first.core.createNamespace({ body: { metadata: { name: 'vms' } } });
      await first.kubeConfig.makeApiClient(StorageV1Api).createStorageClass({
        body: {
          metadata: { name: 'local', annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' } },
          provisioner: 'kubevirt.io.hostpath-provisioner',
        },
      });
      await createDv(first.custom, 'vms', {
        metadata: { name: 'root-disk' },
        spec: {
          source: { http: { url: server.url('/slow.qcow2') } },
          storage: { resources: { requests: { storage: '8Mi' } } },
        },
      });
      await eventually(async () => (server.holding() ? true : undefined), {
        what: 'the import to read three quarters of the image',
      });
      await dvInPhase(first.custom, 'vms', 'root-disk', 'ImportInProgress');
      await kill9(first.child);
      server.release();

      const second = await startClusterProcess(dataDir);
      children.push(second.child);
      const dv = await dvInPhase(second.custom, 'vms', 'root-disk', 'Succeeded', 120_000);
      assert.equal(dv.status?.restartCount, 1);
      const volume = await claimVolume(second.core, 'vms', 'root-disk');
      assert.ok(volume);
      assert.ok(sameGuestBytes(image, 'qcow2', volume.diskImage));
    } finally {
      for (const child of children) await kill9(child);
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
    }
  },
);
