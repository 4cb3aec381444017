// The sample guest: a small Debian built once from packages, cached outside the repository under a
// folder named by SAMPLE_GUEST_VERSION (change it when the recipe changes and the next use
// rebuilds). Two variants share one debootstrap: `full`, and `fixture`, whose update-initramfs is
// a no-op so that virt-v2v converts it in about 1.5 minutes instead of 20 (what CI uses). Each is a
// raw disk (vcsim serves it as a VM's flat extent) and an OVA with that disk as a streamOptimized
// VMDK. A variant's folder is written under a temporary name and renamed when whole.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeSampleOva } from '../sample-ova.ts';
import { withBuildLock } from './build-lock.ts';
import {
  bootstrapTree,
  configureTree,
  DEBIAN_SUITE,
  findDebootstrap,
  shimUpdateInitramfs,
} from './guest-tree.ts';
import { writeDiskImage } from './disk-image.ts';

export const SAMPLE_GUEST_VERSION = `${DEBIAN_SUITE}-2`;
export const SAMPLE_GUEST_NAME = 'sample-guest';

export type SampleGuestVariant = 'full' | 'fixture';
export const SAMPLE_GUEST_VARIANTS: SampleGuestVariant[] = ['full', 'fixture'];

export type SampleGuestFiles = {
  folder: string;
  /** The raw disk image (MBR, one ext4 partition, GRUB for BIOS). */
  rawDisk: string;
  /** An OVA of one VM, `sample-guest`, whose disk is rawDisk as a streamOptimized VMDK. */
  ova: string;
};

export const sampleGuestCacheRoot = (): string =>
  path.join(
    process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
    'forklift-console',
    'sample-guest',
  );

export const sampleGuestFiles = (variant: SampleGuestVariant): SampleGuestFiles => {
  const folder = path.join(sampleGuestCacheRoot(), SAMPLE_GUEST_VERSION, variant);
  return {
    folder,
    rawDisk: path.join(folder, `${SAMPLE_GUEST_NAME}.raw`),
    ova: path.join(folder, `${SAMPLE_GUEST_NAME}.ova`),
  };
};

/** The variant's files when a finished build is in the cache. */
export const cachedSampleGuest = (variant: SampleGuestVariant): SampleGuestFiles | undefined => {
  const files = sampleGuestFiles(variant);
  return existsSync(files.rawDisk) && existsSync(files.ova) ? files : undefined;
};

/** Apparent bytes of the tree's files, what mkfs will copy. */
const treeBytes = async (tree: string): Promise<number> => {
  const { stdout } = await promisify(execFile)('du', ['--summarize', '--bytes', tree]);
  return Number(stdout.split('\t')[0]);
};

const writeVariant = async (
  variant: SampleGuestVariant,
  tree: string,
  rootUuid: string,
  logFile: string,
) => {
  const files = sampleGuestFiles(variant);
  const partial = `${files.folder}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const rawDisk = path.join(partial, path.basename(files.rawDisk));
  const diskBytes = await writeDiskImage({
    tree,
    treeBytes: await treeBytes(tree),
    rootUuid,
    file: rawDisk,
    logFile,
  });
  const ova = await makeSampleOva({
    directory: partial,
    fileName: path.basename(files.ova),
    name: SAMPLE_GUEST_NAME,
    osType: 'debian12_64Guest',
    memoryMiB: 1024,
    disks: [{ capacityMiB: diskBytes / (1 << 20), rawImage: rawDisk }],
    nics: [{ network: 'VM Network' }],
  });
  // The OVA provider skips files modified in the last 30 s as possibly still being copied.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  await utimes(ova, aMinuteAgo, aMinuteAgo);
  await rm(files.folder, { recursive: true, force: true });
  await rename(partial, files.folder);
  return files;
};

export type BuiltSampleGuest = Partial<Record<SampleGuestVariant, SampleGuestFiles>>;

type BuildOptions = {
  variants?: SampleGuestVariant[];
  rebuild?: boolean;
  progress?: (line: string) => void;
};

/** Builds the variants missing from the cache (all of `variants` with `rebuild`). */
export const buildSampleGuest = async (options: BuildOptions = {}): Promise<BuiltSampleGuest> => {
  const { variants = SAMPLE_GUEST_VARIANTS, rebuild = false, progress = () => {} } = options;
  if (!rebuild && variants.every((variant) => cachedSampleGuest(variant))) {
    return Object.fromEntries(variants.map((variant) => [variant, sampleGuestFiles(variant)]));
  }
  // What is missing is judged again under the lock: the build waited for may have made it.
  return withBuildLock(sampleGuestCacheRoot(), () => buildMissing(options), {
    onWait: (owner) => progress(`waiting for the build of process ${owner} to finish`),
  });
};

const buildMissing = async ({
  variants = SAMPLE_GUEST_VARIANTS,
  rebuild = false,
  progress = () => {},
}: BuildOptions): Promise<BuiltSampleGuest> => {
  const wanted = variants.filter((variant) => rebuild || !cachedSampleGuest(variant));
  const done: BuiltSampleGuest = {};
  for (const variant of variants.filter((v) => !wanted.includes(v))) {
    done[variant] = sampleGuestFiles(variant);
  }
  if (wanted.length === 0) return done;
  const debootstrap = findDebootstrap();
  const root = sampleGuestCacheRoot();
  const work = path.join(root, SAMPLE_GUEST_VERSION, `build-${process.pid}`);
  const tree = path.join(work, 'tree');
  const logFile = path.join(work, 'build.log');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  progress(`building in ${work} (tool output in ${logFile})`);
  const rootUuid = randomUUID();
  try {
    progress(`debootstrap --variant=minbase ${DEBIAN_SUITE} (packages cached in ${root}/debs)`);
    await bootstrapTree(debootstrap, tree, path.join(root, 'debs'), logFile);
    await configureTree(tree, rootUuid, logFile);
    // The full guest first: the fixture's change to the tree is the last one.
    for (const variant of SAMPLE_GUEST_VARIANTS.filter((v) => wanted.includes(v))) {
      if (variant === 'fixture') await shimUpdateInitramfs(tree);
      progress(`writing the ${variant} guest's disk and OVA`);
      done[variant] = await writeVariant(variant, tree, rootUuid, logFile);
    }
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
  await rm(work, { recursive: true, force: true });
  await removeOtherVersions(root);
  return done;
};

/** Builds of earlier recipes (each about 2 GB); the package cache and the lock are kept. */
const removeOtherVersions = async (root: string) => {
  const kept = new Set(['debs', 'build.lock', SAMPLE_GUEST_VERSION]);
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && !kept.has(entry.name)) {
      await rm(path.join(root, entry.name), { recursive: true, force: true });
    }
  }
};

export const describeFiles = async (files: SampleGuestFiles): Promise<string[]> => [
  `${files.rawDisk} (${(await stat(files.rawDisk)).size} bytes, raw)`,
  `${files.ova} (${(await stat(files.ova)).size} bytes)`,
];
