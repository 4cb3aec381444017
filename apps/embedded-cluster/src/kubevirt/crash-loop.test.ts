// A guest whose qemu ends at once (here `false` stands in for a qemu that rejects its arguments)
// is not restarted in a tight loop: the VM backs off (CrashLoopBackOff, status.startFailure).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualMachineModel } from '@forklift-console/api';
import { startTestServer, type TestServer } from '../api/test-server.ts';
import { silentLogger } from '../logger.ts';
import type { Worker } from '../workers/worker.ts';
import { findExecutable } from './qemu-process.ts';
import { bootDisk } from '../test-support/boot-disk.ts';
import type { VirtualMachine } from './types.ts';
import { startKubevirtLauncher } from './worker.ts';
import { eventually } from '../test-support/eventually.ts';
import { arrangeBoundClaim } from '../test-support/bound-claim.ts';

const failing = await findExecutable('false');
const namespace = 'vms-crashing';
let api: TestServer;
let launcher: Worker | undefined;
before(async () => {
  api = await startTestServer('kubevirt-crash-loop-');
  await api.core.createNamespace({ body: { metadata: { name: namespace } } });
});
after(async () => {
  await launcher?.stop();
  await api.close();
});

test(
  'a VM whose qemu fails at once goes to CrashLoopBackOff',
  { skip: !failing && 'no `false` command' },
  async () => {
    launcher = await startKubevirtLauncher(
      { kubeConfig: api.admin, dataDir: api.dataDir, logger: silentLogger },
      { qemuBinary: failing },
    );
    await arrangeBoundClaim(api.core, api.dataDir, {
      namespace,
      name: 'boot',
      disk: bootDisk('never printed'),
    });
    await api.custom.createNamespacedCustomObject({
      group: VirtualMachineModel.group,
      version: VirtualMachineModel.version,
      plural: VirtualMachineModel.plural,
      namespace,
      body: {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'crashing', namespace },
        spec: {
          runStrategy: 'Always',
          template: {
            spec: {
              domain: {
                memory: { guest: '64Mi' },
                devices: { disks: [{ name: 'boot', disk: { bus: 'virtio' } }] },
              },
              volumes: [{ name: 'boot', persistentVolumeClaim: { claimName: 'boot' } }],
            },
          },
        },
      },
    });
    const vm = await eventually(
      async () =>
        (await api.custom.getNamespacedCustomObject({
          group: VirtualMachineModel.group,
          version: VirtualMachineModel.version,
          plural: VirtualMachineModel.plural,
          namespace,
          name: 'crashing',
        })) as VirtualMachine,
      {
        until: (current) => current.status?.printableStatus === 'CrashLoopBackOff',
        what: 'the VM to back off',
      },
    );
    const failure = vm.status?.startFailure;
    assert.equal(failure?.consecutiveFailCount, 1);
    assert.ok(failure?.lastFailedVMIUID);
    assert.ok(failure?.retryAfterTimestamp);
  },
);
