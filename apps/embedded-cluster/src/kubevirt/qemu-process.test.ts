// qemu's run folder and QMP with a real qemu (paused: -S, nothing boots): the pid is found again
// from the folder, system_powerdown is accepted over QMP, and the exit is recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  exitRecord,
  findExecutable,
  killProcess,
  launchQemu,
  listRuns,
  powerdownAskedAt,
  prepareRun,
  runFiles,
  runningPid,
  systemPowerdown,
} from './qemu-process.ts';
import { eventually } from '../test-support/eventually.ts';

const qemu = await findExecutable('qemu-system-x86_64');

test(
  'a launched qemu is found from its run folder, takes a QMP powerdown and leaves its exit',
  { skip: !qemu && 'qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)' },
  async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kubevirt-process-'));
    const files = runFiles(dataDir, 'uid-1');
    let exited = false;
    try {
      await prepareRun(files, { namespace: 'vms', name: 'web', uid: 'uid-1' });
      assert.deepEqual(await listRuns(dataDir), [{ namespace: 'vms', name: 'web', uid: 'uid-1' }]);
      const pid = await launchQemu({
        binary: qemu!,
        args: [
          ...['-S', '-machine', 'q35', '-accel', 'tcg', '-m', '16M', '-nodefaults'],
          ...['-display', 'none', '-qmp', `unix:${files.qmpSocket},server=on,wait=off`],
        ],
        files,
        outputLog: path.join(dataDir, 'logs', 'compute.log'),
        serialLog: path.join(dataDir, 'logs', 'serial.log'),
        onExit: () => (exited = true),
      });
      assert.equal(await runningPid(files), pid);
      await eventually(
        () =>
          systemPowerdown(files).then(
            () => true,
            () => false,
          ),
        { until: Boolean, what: 'QMP to accept system_powerdown', timeoutMs: 20_000 },
      );
      assert.ok(await powerdownAskedAt(files));
      killProcess(pid);
      await eventually(async () => exited, {
        until: Boolean,
        what: 'the exit to be recorded',
        timeoutMs: 20_000,
      });
      assert.equal((await exitRecord(files))?.signal, 'SIGKILL');
      assert.equal(await runningPid(files), undefined);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
