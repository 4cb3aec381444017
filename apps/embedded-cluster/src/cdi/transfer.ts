// Writing a volume's disk image with `qemu-img convert`, which detects raw, qcow2 and VMDK: from a
// remote image of a format to be probed (nbdkit's curl plugin in front of it), from another
// volume's disk (a clone), or blank. Bytes go to a temporary file beside the disk image and are
// renamed into place only once complete and synced, so that a disk image that exists is always a
// whole one.
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { takesDirectIo } from './direct-io.ts';
import { TransferError, runTool } from './tools.ts';

export type TransferTarget = { diskImage: string; capacityBytes: number };

export type TransferOptions = { signal?: AbortSignal; onProgress?: (fraction: number) => void };

const ACCEPTED_FORMATS = new Set(['raw', 'qcow2', 'vmdk']);

export const temporaryImage = (diskImage: string): string => `${diskImage}.importing`;

type ImageInfo = {
  filename: string;
  format: string;
  'virtual-size': number;
  'cluster-size'?: number;
  'backing-filename'?: string;
  'format-specific'?: {
    data?: { extents?: { filename?: string }[]; 'data-file'?: string };
  };
};

/**
 * Files other than the image itself that it would have qemu-img read: a VMDK descriptor's extents,
 * a qcow2's external data file. An image from elsewhere must not make the importer copy this
 * machine's own files into a volume.
 */
const externalFiles = (info: ImageInfo): string[] => {
  const data = info['format-specific']?.data;
  return [
    ...(data?.extents ?? []).flatMap(({ filename }) =>
      filename !== undefined && filename !== info.filename ? [filename] : [],
    ),
    ...(data?.['data-file'] ? [data['data-file']] : []),
  ];
};

/** A known format is not probed: a raw disk's guest may have written anything in its first sector. */
const inspect = async (
  source: string,
  signal?: AbortSignal,
  format?: string,
): Promise<ImageInfo> => {
  const formatArgs = format ? ['-f', format] : [];
  const { stdout } = await runTool('qemu-img', ['info', '--output=json', ...formatArgs, source], {
    signal,
  });
  return JSON.parse(stdout) as ImageInfo;
};

/**
 * A qcow2 cut short still converts, its missing clusters read as zeros; its own metadata tells,
 * pointing past the end of the file.
 */
const checkWhole = async (source: string, signal?: AbortSignal): Promise<number> => {
  try {
    const { stdout } = await runTool(
      'qemu-img',
      ['check', '-f', 'qcow2', '--output=json', source],
      { signal },
    );
    return (JSON.parse(stdout) as { 'allocated-clusters'?: number })['allocated-clusters'] ?? 0;
  } catch (error) {
    if (!(error instanceof TransferError) || signal?.aborted) throw error;
    const firstProblem = error.message.split('\n')[0]?.replace(/^qemu-img failed \(\d+\): /, '');
    throw new TransferError(`the qcow2 image is corrupt or cut short: ${firstProblem}`);
  }
};

/** An image larger than the volume cannot be imported into it, whatever it holds. */
export const checkFits = (virtualSize: number, target: TransferTarget): void => {
  if (virtualSize > target.capacityBytes) {
    throw new TransferError(
      `virtual image size ${virtualSize} is larger than the volume's size ${target.capacityBytes}: a larger PVC is required`,
    );
  }
};

/** The temporary file made whole: the disk's full size, on disk, under its final name. */
export const commit = async (temporary: string, { diskImage, capacityBytes }: TransferTarget) => {
  const file = await open(temporary, 'r+');
  try {
    if ((await file.stat()).size < capacityBytes) await file.truncate(capacityBytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, diskImage);
  const folder = await open(path.dirname(diskImage), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
};

/** Bytes of guest data in the image: what the converted disk will hold once complete. */
const dataBytes = async (source: string, format: string, signal?: AbortSignal) => {
  const { stdout } = await runTool('qemu-img', ['map', '-f', format, '--output=json', source], {
    signal,
  });
  const extents = JSON.parse(stdout) as { length: number; data: boolean; zero: boolean }[];
  return extents.reduce((sum, { length, data, zero }) => sum + (data && !zero ? length : 0), 0);
};

/**
 * Reports the share of the guest data written so far, from the blocks the target holds: qemu-img's
 * own `-p` counts a first pass over the image's allocation and is at 100% long before the copy.
 */
const watchWritten = (target: string, total: number, onProgress?: (fraction: number) => void) => {
  if (!onProgress || total === 0) return () => undefined;
  const timer = setInterval(() => {
    stat(target).then(
      (info) => onProgress(Math.min(0.9999, (info.blocks * 512) / total)),
      () => undefined,
    );
  }, 250);
  return () => clearInterval(timer);
};

/** Converts `source` (a file or an NBD URI) into the target's disk image as raw. */
export const convertInto = async (
  source: string,
  target: TransferTarget,
  { signal, onProgress }: TransferOptions,
  sourceFormat?: 'raw',
): Promise<void> => {
  const info = await inspect(source, signal, sourceFormat);
  const format = sourceFormat ?? info.format;
  if (!ACCEPTED_FORMATS.has(format)) {
    throw new TransferError(`unsupported image format ${format}: raw, qcow2 or vmdk expected`);
  }
  if (info['backing-filename']) {
    throw new TransferError('the image has a backing file, which an import cannot follow');
  }
  if (externalFiles(info).length > 0) {
    throw new TransferError(
      'the image refers to other files (a VMDK descriptor, an external data file), which an import cannot follow: send a single-file image',
    );
  }
  checkFits(info['virtual-size'], target);
  // A qcow2's check counts its data clusters as well: one pass over its metadata, not two.
  const total =
    format === 'qcow2'
      ? (await checkWhole(source, signal)) * (info['cluster-size'] ?? 65536)
      : await dataBytes(source, format, signal);
  const temporary = temporaryImage(target.diskImage);
  await rm(temporary, { force: true });
  try {
    // `-t none` writes with O_DIRECT: 1 GiB from vcsim took 17–19 s through the page cache
    // and 3.3–4.2 s around it (see direct-io.ts). Zeros are still skipped, so the file stays
    // sparse; the commit's fsync then has little left to flush.
    const cache = (await takesDirectIo(temporary)) ? 'none' : 'writeback';
    const stopWatching = watchWritten(temporary, total, onProgress);
    try {
      await runTool(
        'qemu-img',
        ['convert', '-W', '-t', cache, '-f', format, '-O', 'raw', source, temporary],
        { signal },
      );
    } finally {
      stopWatching();
    }
    await commit(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

export const writeBlank = async (target: TransferTarget): Promise<void> => {
  const temporary = temporaryImage(target.diskImage);
  await rm(temporary, { force: true });
  await (await open(temporary, 'w')).close();
  await commit(temporary, target);
};
