// A pod's scratch folder: its processes' HOME and TMPDIR. It lives in the system's temporary
// folder under a short random name, because libguestfs and nbdkit put Unix sockets in TMPDIR and a
// socket path may not exceed 107 bytes (DATA_DIR can be deep). Its path is recorded in the pod's
// runtime folder, so that a run, a deletion or a restarted cluster can remove it.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const RECORD = 'scratch-path';
const PREFIX = 'pod-';

const recorded = async (runtimeDir: string): Promise<string | undefined> => {
  const where = await readFile(path.join(runtimeDir, RECORD), 'utf8').catch(() => undefined);
  // Only ever a folder this module made.
  return where && path.dirname(where) === os.tmpdir() && path.basename(where).startsWith(PREFIX)
    ? where
    : undefined;
};

export const removeScratch = async (runtimeDir: string): Promise<void> => {
  const where = await recorded(runtimeDir);
  if (where) await rm(where, { recursive: true, force: true });
};

/** A fresh scratch folder (0700) for a run, the previous run's removed. */
export const openScratch = async (runtimeDir: string): Promise<string> => {
  await removeScratch(runtimeDir);
  await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
  const where = await mkdtemp(path.join(os.tmpdir(), PREFIX));
  await writeFile(path.join(runtimeDir, RECORD), where, { mode: 0o600 });
  return where;
};
