// Scans an OVA catalog directory the way Forklift's provider server does: .ova files in the root and
// first-level folders, extracted .ovf packages up to second-level folders, files still being copied
// left for a later scan. One bad file or folder becomes an error beside the VMs, never a failed scan.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  parseOvf,
  type OvfDisk,
  type OvfEnvelope,
  type OvfNetwork,
  type OvfVirtualSystem,
} from './ovf.ts';
import { readTarEntries, readTarEntry, type TarEntry } from './tar.ts';

export type OvaDisk = OvfDisk & { ID: string; FilePath: string };
export type OvaNetwork = OvfNetwork & { ID: string };
export type OvaVm = Omit<OvfVirtualSystem, 'id' | 'disks' | 'networks'> & {
  uuid: string;
  ovfPath: string;
  exportSource: string;
  disks: OvaDisk[];
  networks: OvaNetwork[];
};
export type OvaScanError = { path: string; message: string };
export type OvaScanResult = {
  vms: OvaVm[];
  errors: OvaScanError[];
  /** Files skipped because they look like they are still being copied. */
  pending: string[];
};
export type OvaScanOptions = {
  now?: () => number;
  minAgeMs?: number;
  /** Files known to be whole (the BFF wrote them itself), read at once whatever their age. */
  isComplete?: (path: string, info: Stats) => boolean;
};

const MAX_OVA_DEPTH = 2;
const MAX_OVF_DEPTH = 3;
const MIN_AGE_MS = 30_000;
// A descriptor is a few kilobytes; this bounds what one hostile file can make us hold.
const MAX_OVF_BYTES = 16 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable 36-hex-character ID for a key (Forklift's IDs have the same length). */
export const stableId = (...key: string[]) =>
  createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 36);

const isOva = (name: string) => name.toLowerCase().endsWith('.ova');
const isOvf = (name: string) => name.toLowerCase().endsWith('.ovf');

type Candidate = { path: string; kind: 'ova' | 'ovf' };

const toVms = (
  envelope: OvfEnvelope,
  path: string,
  relativePath: string,
  filePath: string,
): OvaVm[] =>
  envelope.virtualSystems.map(({ id, disks, networks, ...system }) => ({
    ...system,
    // Keyed by the file's place in the catalog and the system's id, so two systems of one file
    // get two IDs (Forklift's share one) and a rescan gives the same ones.
    uuid: UUID.test(id) ? id : stableId('vm', relativePath, id),
    ovfPath: path,
    exportSource: envelope.exportSource,
    disks: disks.map((disk) => ({
      ...disk,
      ID: stableId('disk', relativePath, disk.Name || disk.DiskId),
      FilePath: filePath,
    })),
    networks: networks.map((network) => ({ ...network, ID: stableId('network', network.Name) })),
  }));

// Forklift takes the first .ovf anywhere in the archive; the upload is stricter (one, at the root).
const readOvaDescriptor = async (path: string): Promise<string> => {
  const handle = await open(path, 'r');
  try {
    let ovf: TarEntry | undefined;
    for await (const entry of readTarEntries(handle)) {
      if (entry.type === 'file' && isOvf(entry.name)) {
        ovf = entry;
        break;
      }
    }
    if (!ovf) throw new Error('The OVA has no .ovf file');
    return (await readTarEntry(handle, ovf, MAX_OVF_BYTES)).toString('utf8');
  } finally {
    await handle.close();
  }
};

const readOvfDescriptor = async (path: string): Promise<string> => {
  const { size } = await stat(path);
  if (size > MAX_OVF_BYTES)
    throw new Error(`The OVF is ${size} bytes, more than the ${MAX_OVF_BYTES} allowed`);
  return readFile(path, 'utf8');
};

/**
 * Scans `root`. Throws only when the root itself cannot be read; everything below it that fails
 * is reported in `errors` with its path.
 */
export const scanOvaCatalog = async (
  root: string,
  options: OvaScanOptions = {},
): Promise<OvaScanResult> => {
  const now = options.now ?? Date.now;
  const minAgeMs = options.minAgeMs ?? MIN_AGE_MS;
  const result: OvaScanResult = { vms: [], errors: [], pending: [] };
  const candidates: Candidate[] = [];

  // Directories at depth d hold files at depth d + 1; nothing deeper than an .ovf can count.
  const walk = async (directory: string, depth: number): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ovfs: string[] = [];
    for (const entry of entries) {
      const path = join(directory, entry.name);
      // Symlinks to files count; symlinked directories are not followed (they can loop).
      const isFile =
        entry.isFile() ||
        (entry.isSymbolicLink() &&
          (await stat(path).then(
            (s) => s.isFile(),
            () => false,
          )));
      if (entry.isDirectory()) {
        if (depth + 1 < MAX_OVF_DEPTH) {
          await walk(path, depth + 1).catch((error: Error) =>
            result.errors.push({ path, message: `The folder cannot be read: ${error.message}` }),
          );
        }
      } else if (isFile && isOva(entry.name) && depth + 1 <= MAX_OVA_DEPTH) {
        candidates.push({ path, kind: 'ova' });
      } else if (isFile && isOvf(entry.name) && depth + 1 <= MAX_OVF_DEPTH) {
        ovfs.push(path);
      }
    }
    // An extracted package is its folder: two descriptors leave no way to tell whose disks are whose.
    if (ovfs.length > 1) {
      result.errors.push({
        path: directory,
        message: `The folder holds ${ovfs.length} .ovf files (${ovfs.map((path) => relative(directory, path)).join(', ')}); a folder may hold only one`,
      });
    } else if (ovfs.length === 1) candidates.push({ path: ovfs[0]!, kind: 'ovf' });
  };
  await walk(root, 0);

  // Forklift's order: every OVA, then every OVF, each in walk order.
  const ordered = [
    ...candidates.filter((candidate) => candidate.kind === 'ova'),
    ...candidates.filter((candidate) => candidate.kind === 'ovf'),
  ];
  for (const { path, kind } of ordered) {
    try {
      const info = await stat(path);
      const young = now() - info.mtimeMs < minAgeMs && !options.isComplete?.(path, info);
      if (info.size === 0 || young) {
        result.pending.push(path);
        continue;
      }
      const xml = kind === 'ova' ? await readOvaDescriptor(path) : await readOvfDescriptor(path);
      const filePath = kind === 'ova' ? path : join(path, '..') + '/';
      result.vms.push(...toVms(parseOvf(xml), path, relative(root, path), filePath));
    } catch (error) {
      result.errors.push({ path, message: (error as Error).message });
    }
  }
  return result;
};
