// kill -9 of the embedded cluster while virt-v2v runs in a pod: virt-v2v and what it started end
// with the cluster (parent-death signal, then the restarted cluster's sweep), and after the restart
// the pod is Failed saying the node restarted, never left Running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { arrangeBoundClaim } from '../test-support/bound-claim.ts';
import { findTool } from './local-command.ts';
import { NODE_RESTART_MESSAGE } from './pod-run.ts';
import { kill9, startClusterProcess } from '../test-support/cluster-process.ts';
import { eventually } from '../test-support/eventually.ts';

const namespace = 'conversions';
const skip = findTool('virt-v2v-in-place')
  ? false
  : 'virt-v2v is not installed (apt-get install virt-v2v libnbd-bin)';

const processesNaming = async (file: string): Promise<string[]> => {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // exited
    }
    if (cmdline.includes(file)) found.push(pid);
  }
  return found;
};

test(
  'after kill -9 of the cluster a running conversion pod is Failed and its processes are gone',
  { skip },
  async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pods-kill-'));
    const clusters: ChildProcess[] = [];
    try {
      const first = await startClusterProcess(dataDir);
      clusters.push(first.child);
      await first.core.createNamespace({ body: { metadata: { name: namespace } } });
      const { claimName, diskImage } = await arrangeBoundClaim(first.core, dataDir, {
        namespace,
        name: 'disk-0',
        volumeMode: 'Block',
        bytes: 64 * 1024 * 1024,
      });
      await first.core.createNamespacedPod({
        namespace,
        body: {
          metadata: { name: 'convert' },
          spec: {
            restartPolicy: 'Never',
            containers: [
              {
                name: 'virt-v2v',
                image: 'quay.io/kubev2v/forklift-virt-v2v',
                env: [{ name: 'V2V_inPlace', value: '1' }],
                volumeDevices: [{ name: 'disk', devicePath: '/dev/block0' }],
              },
            ],
            volumes: [{ name: 'disk', persistentVolumeClaim: { claimName } }],
          },
        },
      });
      await eventually(() => first.core.readNamespacedPod({ namespace, name: 'convert' }), {
        until: (pod) => Boolean(pod.status?.containerStatuses?.[0]?.state?.running),
        what: 'the container to run',
      });
      assert.ok((await processesNaming(diskImage)).length > 0, 'virt-v2v runs on the disk');
      await kill9(first.child);

      const second = await startClusterProcess(dataDir);
      clusters.push(second.child);
      const pod = await eventually(
        () => second.core.readNamespacedPod({ namespace, name: 'convert' }),
        { until: (p) => p.status?.phase === 'Failed', what: 'the pod to be Failed' },
      );
      assert.equal(
        pod.status?.containerStatuses?.[0]?.state?.terminated?.message,
        NODE_RESTART_MESSAGE,
      );
      await eventually(() => processesNaming(diskImage), {
        until: (pids) => pids.length === 0,
        what: 'the processes on the disk to end',
      });
    } finally {
      for (const child of clusters) await kill9(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
