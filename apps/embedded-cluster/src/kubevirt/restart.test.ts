// The launcher across a kill -9 of the embedded cluster (src/main.ts in a child process): the qemu
// it started keeps running and is adopted by the next start (a stop still reaches it); a qemu that
// died while the cluster was down makes its VMI Failed, and runStrategy Always starts a new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VirtualMachineInstanceModel, VirtualMachineModel } from '@forklift-console/api';
import { findExecutable, kubevirtRoot, runFiles } from './qemu-process.ts';
import { bootDisk } from '../test-support/boot-disk.ts';
import { isAlive } from './test-support.ts';
import type { VirtualMachine, VirtualMachineInstance } from './types.ts';
import {
  kill9,
  startClusterProcess,
  type ClusterProcess,
} from '../test-support/cluster-process.ts';
import { eventually } from '../test-support/eventually.ts';
import { arrangeBoundClaim } from '../test-support/bound-claim.ts';

const qemu = await findExecutable('qemu-system-x86_64');
const namespace = 'vms-restart';

type Cluster = ClusterProcess;

const api = { group: VirtualMachineModel.group, version: VirtualMachineModel.version, namespace };

const readVm = async (cluster: Cluster) =>
  (await cluster.custom.getNamespacedCustomObject({
    ...api,
    plural: VirtualMachineModel.plural,
    name: 'app',
  })) as VirtualMachine;

const readVmi = async (cluster: Cluster) =>
  (await cluster.custom.getNamespacedCustomObject({
    ...api,
    plural: VirtualMachineInstanceModel.plural,
    name: 'app',
  })) as VirtualMachineInstance;

const setRunStrategy = async (cluster: Cluster, runStrategy: string) => {
  const vm = await readVm(cluster);
  await cluster.custom.replaceNamespacedCustomObject({
    ...api,
    plural: VirtualMachineModel.plural,
    name: 'app',
    body: { ...vm, spec: { ...vm.spec, runStrategy } },
  });
};

const runningVmi = (cluster: Cluster, notUid?: string) =>
  eventually(() => readVmi(cluster), {
    until: (vmi) => vmi.status?.phase === 'Running' && vmi.metadata.uid !== notUid,
    what: 'a running VMI',
  });

const pidOf = async (dataDir: string, vmi: VirtualMachineInstance) =>
  Number(await readFile(runFiles(dataDir, vmi.metadata.uid!).pidFile, 'utf8'));

test(
  'qemu outlives a kill -9 of the cluster and is adopted; one that died is replaced',
  { skip: !qemu && 'qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)' },
  async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kubevirt-restart-'));
    const pids: number[] = [];
    let cluster = await startClusterProcess(dataDir);
    try {
      await cluster.core.createNamespace({ body: { metadata: { name: namespace } } });
      await arrangeBoundClaim(cluster.core, dataDir, {
        namespace,
        name: 'app-boot',
        disk: bootDisk('app is up'),
      });
      await cluster.custom.createNamespacedCustomObject({
        ...api,
        plural: VirtualMachineModel.plural,
        body: {
          apiVersion: 'kubevirt.io/v1',
          kind: 'VirtualMachine',
          metadata: { name: 'app', namespace },
          spec: {
            runStrategy: 'Always',
            template: {
              spec: {
                domain: {
                  memory: { guest: '64Mi' },
                  devices: { disks: [{ name: 'boot', disk: { bus: 'sata' } }] },
                },
                volumes: [{ name: 'boot', persistentVolumeClaim: { claimName: 'app-boot' } }],
                terminationGracePeriodSeconds: 1,
              },
            },
          },
        },
      });
      const first = await runningVmi(cluster);
      const firstPid = await pidOf(dataDir, first);
      pids.push(firstPid);

      await kill9(cluster.child);
      assert.ok(isAlive(firstPid), 'the guest kept running while the cluster was down');
      cluster = await startClusterProcess(dataDir);
      // Time for the restarted launcher to look at the VMI again (it polls running ones).
      await sleep(4_000);
      const adopted = await readVmi(cluster);
      assert.equal(adopted.metadata.uid, first.metadata.uid);
      assert.equal(adopted.status?.phase, 'Running');
      assert.deepEqual(await readdir(kubevirtRoot(dataDir)), [first.metadata.uid]);
      await setRunStrategy(cluster, 'Halted');
      await eventually(() => readVm(cluster), {
        until: (vm) => vm.status?.printableStatus === 'Stopped',
        what: 'the adopted guest to stop',
      });
      await eventually(async () => isAlive(firstPid), {
        until: (alive) => !alive,
        what: 'the adopted qemu to end',
      });

      await setRunStrategy(cluster, 'Always');
      const second = await runningVmi(cluster, first.metadata.uid);
      const secondPid = await pidOf(dataDir, second);
      pids.push(secondPid);
      await kill9(cluster.child);
      process.kill(secondPid, 'SIGKILL');
      cluster = await startClusterProcess(dataDir);
      const third = await runningVmi(cluster, second.metadata.uid);
      const vm = await readVm(cluster);
      assert.equal(vm.status?.startFailure?.lastFailedVMIUID, second.metadata.uid);
      const thirdPid = await pidOf(dataDir, third);
      pids.push(thirdPid);
      assert.notEqual(thirdPid, secondPid);

      // A clean stop of the cluster shuts the node down: its guests end with it.
      cluster.child.kill('SIGTERM');
      await once(cluster.child, 'exit');
      await eventually(async () => isAlive(thirdPid), {
        until: (alive) => !alive,
        what: 'qemu to end with the cluster',
      });
    } finally {
      await kill9(cluster.child);
      for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
