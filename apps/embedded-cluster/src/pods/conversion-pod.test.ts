// Forklift's conversion pod run with the machine's virt-v2v, on a real embedded API: on a blank disk
// virt-v2v's own inspection error is in the pod's log and the container ends with its exit code;
// deleting a pod while virt-v2v runs ends virt-v2v and the processes it started. virt-v2v boots its
// appliance under TCG here, so these are the folder's only two virt-v2v runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker } from '../workers/worker.ts';
import { arrangeBoundClaim } from '../test-support/bound-claim.ts';
import { findTool } from './local-command.ts';
import { podLogDirectory } from './log-files.ts';
import { podRuntimeDirectory } from './pod-run.ts';
import { startPodRunner } from './pod-runner.ts';
import { eventually } from '../test-support/eventually.ts';

const namespace = 'conversions';
const skip = findTool('virt-v2v-in-place')
  ? false
  : 'virt-v2v is not installed (apt-get install virt-v2v libnbd-bin)';
let api: TestServer;
let runner: Worker;

before(async () => {
  api = await startTestServer('conversion-pod-');
  await api.core.createNamespace({ body: { metadata: { name: namespace } } });
  // The per-VM secret Forklift fills with the V2V_ variables; in-place: the disks are already copied.
  await api.core.createNamespacedSecret({
    namespace,
    body: {
      metadata: { name: 'v2v-env' },
      // LIBGUESTFS_DEBUG: should the appliance ever hang (once in CI, 15 minutes), the log tail in
      // the failure message shows where it stopped.
      stringData: { V2V_inPlace: '1', V2V_vmName: 'blank', LIBGUESTFS_DEBUG: '1' },
    },
  });
  runner = await startPodRunner({
    kubeConfig: api.admin,
    dataDir: api.dataDir,
    logger: silentLogger,
  });
});
after(async () => {
  await runner?.stop();
  await api?.close();
});

const createConversionPod = async (name: string) => {
  const { claimName, diskImage } = await arrangeBoundClaim(api.core, api.dataDir, {
    namespace,
    name: `${name}-disk`,
    volumeMode: 'Block',
    bytes: 128 * 1024 * 1024,
  });
  const pod = await api.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name, labels: { 'forklift.app': 'virt-v2v' } },
      spec: {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'virt-v2v',
            image: 'quay.io/kubev2v/forklift-virt-v2v:latest',
            envFrom: [{ prefix: '', secretRef: { name: 'v2v-env' } }],
            volumeDevices: [{ name: 'vol-0', devicePath: '/dev/block0' }],
          },
        ],
        volumes: [{ name: 'vol-0', persistentVolumeClaim: { claimName } }],
      },
    },
  });
  return { pod, diskImage };
};

/** Processes of this machine whose command line names `file`. */
const processesNaming = async (file: string): Promise<string[]> => {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(file)) found.push(pid);
  }
  return found;
};

const finished = (pod: V1Pod) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

test(
  'a conversion pod on a blank disk fails with virt-v2v’s inspection error in its log',
  { skip },
  async () => {
    await createConversionPod('blank');
    // About 25 s here, 28 s in CI beside another conversion.
    const pod = await eventually(() => api.core.readNamespacedPod({ namespace, name: 'blank' }), {
      until: finished,
      timeoutMs: 5 * 60_000,
      what: 'virt-v2v to finish',
    }).catch(async (error: Error) => {
      const tail = await api.core
        .readNamespacedPodLog({ namespace, name: 'blank', tailLines: 40 })
        .catch((cause: unknown) => `(log unreadable: ${String(cause)})`);
      throw new Error(`${error.message}\nthe pod's log ends with:\n${tail}`);
    });
    const log = await api.core.readNamespacedPodLog({ namespace, name: 'blank' });
    assert.equal(pod.status?.phase, 'Failed');
    const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
    assert.ok(terminated && terminated.exitCode !== 0, `exit code ${terminated?.exitCode}`);
    assert.equal(terminated.reason, 'Error');
    assert.match(log, /virt-v2v-in-place: error: inspection could not detect the source guest/);
  },
);

test('deleting a pod while virt-v2v runs ends virt-v2v and what it started', { skip }, async () => {
  const { pod, diskImage } = await createConversionPod('deleted');
  await eventually(() => processesNaming(diskImage), {
    until: (pids) => pids.length > 0,
    what: 'virt-v2v to start on the disk',
  });
  const running = await api.core.readNamespacedPod({ namespace, name: 'deleted' });
  assert.equal(running.status?.phase, 'Running');
  assert.ok(running.status?.containerStatuses?.[0]?.state?.running?.startedAt);
  const scratch = await readFile(
    path.join(podRuntimeDirectory(api.dataDir, pod.metadata!.uid!), 'scratch-path'),
    'utf8',
  );
  assert.ok(existsSync(scratch), 'virt-v2v works in the pod’s scratch folder');
  await api.core.deleteNamespacedPod({ namespace, name: 'deleted' });
  await eventually(() => processesNaming(diskImage), {
    until: (pids) => pids.length === 0,
    what: 'the processes on the disk to end',
  });
  const folder = podLogDirectory(api.dataDir, {
    namespace,
    name: 'deleted',
    uid: pod.metadata!.uid!,
  });
  await eventually(async () => existsSync(folder), {
    until: (exists) => !exists,
    what: 'the log folder to go',
  });
  assert.equal(existsSync(scratch), false, 'the scratch folder is gone');
});
