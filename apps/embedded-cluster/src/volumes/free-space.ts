// Whether a new volume fits: what the file system has free, less what the volumes already made may
// still take. A sparse file holds few blocks at first but can grow to its full size, so each
// volume counts for its capacity minus the blocks it already uses.
import { readdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';

/** Bytes on disk under `where` (a file, or a folder and everything in it). */
const allocatedBytes = async (where: string): Promise<number> => {
  const info = await stat(where).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.blocks * 512;
  let total = 0;
  for (const entry of await readdir(where)) total += await allocatedBytes(path.join(where, entry));
  return total;
};

export type ExistingVolume = { path: string; capacityBytes: number };

/** Bytes a new volume may still claim on the file system holding `dataDir`. */
export const claimableBytes = async (
  dataDir: string,
  existing: ExistingVolume[],
): Promise<number> => {
  const { bavail, bsize } = await statfs(dataDir);
  let promised = 0;
  for (const volume of existing) {
    promised += Math.max(0, volume.capacityBytes - (await allocatedBytes(volume.path)));
  }
  return Math.max(0, bavail * bsize - promised);
};
