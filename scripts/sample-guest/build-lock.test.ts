import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withBuildLock } from './build-lock.ts';

const folder = () => mkdtemp(path.join(os.tmpdir(), 'build-lock-'));

/** A lock as another process leaves it: the folder and that process's pid. */
const leaveLock = async (root: string, pid: number) => {
  await mkdir(path.join(root, 'build.lock'));
  await writeFile(path.join(root, 'build.lock', 'pid'), String(pid));
};

test('two builds asked at once run one after the other', async () => {
  const root = await folder();
  let running = 0;
  let most = 0;
  const build = (name: string) => async () => {
    running += 1;
    most = Math.max(most, running);
    await sleep(100);
    running -= 1;
    return name;
  };
  const results = await Promise.all([
    withBuildLock(root, build('first'), { pollMs: 20 }),
    withBuildLock(root, build('second'), { pollMs: 20 }),
  ]);
  assert.deepEqual(results, ['first', 'second']);
  assert.equal(most, 1);
  assert.equal(existsSync(path.join(root, 'build.lock')), false);
  await rm(root, { recursive: true });
});

test('a lock whose process is gone (a killed build) is taken over', async () => {
  const root = await folder();
  const gone = spawnSync('true').pid!;
  await leaveLock(root, gone);
  assert.equal(await withBuildLock(root, async () => 'built', { pollMs: 20 }), 'built');
  await rm(root, { recursive: true });
});

test('a build waits, saying for whom, while another process holds the lock', async () => {
  const root = await folder();
  const other = spawn('sleep', ['30']);
  await leaveLock(root, other.pid!);
  const waitedFor: number[] = [];
  let built = false;
  const building = withBuildLock(
    root,
    async () => {
      built = true;
    },
    { pollMs: 20, onWait: (owner) => waitedFor.push(owner) },
  );
  await sleep(200);
  assert.equal(built, false);
  assert.deepEqual(waitedFor, [other.pid]);
  other.kill('SIGKILL');
  await building;
  assert.equal(built, true);
  await rm(root, { recursive: true });
});

test('a failed build lets the next one go', async () => {
  const root = await folder();
  await assert.rejects(
    withBuildLock(root, async () => {
      throw new Error('debootstrap failed');
    }),
    /debootstrap failed/,
  );
  assert.equal(await withBuildLock(root, async () => 'built'), 'built');
  await rm(root, { recursive: true });
});
