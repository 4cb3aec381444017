// One build of the sample guest at a time on a machine. On a fresh machine the two sample-guest
// tests, which `npm test` runs side by side, both find the cache empty; two debootstraps sharing
// one package cache spoil each other's downloads (CI failed so). The lock is a folder, since
// mkdir is atomic, holding the owner's pid; a lock whose owner is gone (a killed build) is taken
// over.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid written in the lock; undefined while its owner has made the folder but not written it. */
const ownerOf = async (lock: string): Promise<number | undefined> => {
  const text = await readFile(path.join(lock, 'pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/** Runs `build` holding `<folder>/build.lock`, waiting while another process holds it. */
export const withBuildLock = async <T>(
  folder: string,
  build: () => Promise<T>,
  { onWait = () => {}, pollMs = 1000 }: { onWait?: (owner: number) => void; pollMs?: number } = {},
): Promise<T> => {
  const lock = path.join(folder, 'build.lock');
  await mkdir(folder, { recursive: true });
  let told = false;
  for (;;) {
    const taken = await mkdir(lock).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      },
    );
    if (taken) break;
    const owner = await ownerOf(lock);
    if (owner !== undefined && !alive(owner)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (owner !== undefined && !told) {
      onWait(owner);
      told = true;
    }
    await sleep(pollMs);
  }
  try {
    await writeFile(path.join(lock, 'pid'), String(process.pid));
    return await build();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
};
