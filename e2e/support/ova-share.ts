// An OVA provider's share in the standalone app under test: a folder below its data directory.
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { localShareDir } from '../../apps/bff/src/inventory/ova/share.ts';
import type { StandaloneApp } from '../fixtures.ts';

/** The local folder the app reads for the NFS share `url` (its default --ova-share-root). */
export const shareDirOf = (app: StandaloneApp, url: string): string =>
  localShareDir(url, path.join(app.dataDir, 'ova-shares'));

/**
 * Dates files as copied into a share an hour ago: the scan skips files younger than 30 s, as they
 * may still be being copied.
 */
export const copiedEarlier = async (...files: string[]): Promise<void> => {
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const file of files) await utimes(file, anHourAgo, anHourAgo);
};
