// Reads tar archives (an .ova is one) without extracting them: v7, ustar, pax extended headers and
// GNU long names, which covers GNU tar, bsdtar, Go's archive/tar and node-tar. Two front ends share
// one header decoder: an async iterator over a file handle, which seeks past entry data and can stop
// as soon as the caller has what it needs, and a push-based inspector for bytes still arriving (the
// upload validates while it streams to disk and never holds more than a header in memory).
import type { FileHandle } from 'node:fs/promises';

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One archive member; `offset` is where its content starts in the archive. */
export type TarEntry = { name: string; size: number; offset: number; type: TarEntryType };

export class TarError extends Error {
  override name = 'TarError';
}

const BLOCK = 512;
// Long names and pax records are kept in memory; nothing legitimate comes close to this.
const MAX_METADATA_BYTES = 1024 * 1024;

const paddedSize = (size: number) => Math.ceil(size / BLOCK) * BLOCK;

const isZeroBlock = (block: Uint8Array) => block.every((byte) => byte === 0);

const cString = (block: Uint8Array, start: number, length: number) => {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8');
};

// Octal, space or NUL terminated; GNU tar writes sizes of 8 GiB and more in base-256 instead,
// flagged by the top bit of the first byte, and VMDKs that large are ordinary in an OVA.
const numeric = (block: Uint8Array, start: number, length: number, what: string, at: number) => {
  const field = block.subarray(start, start + length);
  if (field[0]! & 0x80) {
    if (field[0] === 0xff) throw new TarError(`Tar header at offset ${at} has a negative ${what}`);
    let value = field[0]! & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value)) {
      throw new TarError(`Tar header at offset ${at} has a ${what} too large to read`);
    }
    return value;
  }
  const text = Buffer.from(field).toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) {
    throw new TarError(`Tar header at offset ${at} is corrupt (its ${what} is not a number)`);
  }
  return Number.parseInt(text, 8);
};

const checkChecksum = (block: Uint8Array, at: number) => {
  const recorded = numeric(block, 148, 8, 'checksum', at);
  let unsigned = 0;
  let signed = 0;
  for (let index = 0; index < BLOCK; index++) {
    const byte = index >= 148 && index < 156 ? 32 : block[index]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Some old tars summed signed bytes; both are accepted, as GNU tar does.
  if (recorded !== unsigned && recorded !== signed) {
    throw new TarError(`Tar header at offset ${at} is corrupt (checksum mismatch)`);
  }
};

type Header = { name: string; size: number; typeflag: string };

const decodeHeader = (block: Uint8Array, at: number): Header => {
  checkChecksum(block, at);
  const typeflag = String.fromCharCode(block[156]!);
  let name = cString(block, 0, 100);
  // Only POSIX ustar ("ustar\0") has a prefix field; GNU ("ustar  ") keeps other data there.
  if (cString(block, 257, 6) === 'ustar' && block[262] === 0) {
    const prefix = cString(block, 345, 155);
    if (prefix !== '') name = `${prefix}/${name}`;
  }
  return { name, size: numeric(block, 124, 12, 'size', at), typeflag };
};

const entryType = (typeflag: string): TarEntryType => {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
      return 'file';
    case '5':
      return 'directory';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      return 'other';
  }
};

// Headers whose content describes the next entry rather than being one.
const isMetadata = (typeflag: string) => 'LKxg'.includes(typeflag);

const parsePax = (data: Buffer, at: number): Map<string, string> => {
  const records = new Map<string, string>();
  let position = 0;
  while (position < data.length) {
    const space = data.indexOf(0x20, position);
    const length = Number(data.toString('latin1', position, space));
    if (space === -1 || !Number.isSafeInteger(length) || length <= 0) {
      throw new TarError(`Tar pax header at offset ${at} is corrupt`);
    }
    const record = data.toString('utf8', space + 1, position + length);
    if (!record.endsWith('\n') || !record.includes('=')) {
      throw new TarError(`Tar pax header at offset ${at} is corrupt`);
    }
    const equals = record.indexOf('=');
    records.set(record.slice(0, equals), record.slice(equals + 1, -1));
    position += length;
  }
  return records;
};

// What GNU long-name and pax headers say about the entry that follows them.
type Pending = { name?: string; size?: number };

const applyMetadata = (header: Header, data: Buffer, pending: Pending, at: number) => {
  if (header.typeflag === 'L') pending.name = data.toString('utf8').replace(/\0.*$/s, '');
  if (header.typeflag === 'x') {
    const records = parsePax(data, at);
    const path = records.get('path');
    if (path !== undefined) pending.name = path;
    const size = records.get('size');
    if (size !== undefined) {
      if (!/^[0-9]+$/.test(size) || !Number.isSafeInteger(Number(size))) {
        throw new TarError(`Tar pax header at offset ${at} has an invalid size`);
      }
      pending.size = Number(size);
    }
  }
};

const toEntry = (header: Header, pending: Pending, dataOffset: number): TarEntry => ({
  name: pending.name ?? header.name,
  size: pending.size ?? header.size,
  offset: dataOffset,
  type: entryType(header.typeflag),
});

const checkMetadataSize = (header: Header, at: number) => {
  if (header.size > MAX_METADATA_BYTES) {
    throw new TarError(`Tar header at offset ${at} announces ${header.size} bytes of metadata`);
  }
};

const readExactly = async (handle: FileHandle, length: number, position: number) => {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
};

/**
 * Yields the entries of the tar archive in `handle`, in order, reading only headers; break out of
 * the loop to stop early. Throws TarError on a corrupt header or an archive cut short.
 */
export async function* readTarEntries(handle: FileHandle): AsyncGenerator<TarEntry> {
  const { size: archiveSize } = await handle.stat();
  let position = 0;
  let pending: Pending = {};
  for (;;) {
    const block = await readExactly(handle, BLOCK, position);
    if (block.length < BLOCK) {
      throw new TarError(
        `The archive is truncated (it ends at byte ${archiveSize} inside a header or before its end marker)`,
      );
    }
    if (isZeroBlock(block)) return;
    const header = decodeHeader(block, position);
    const dataOffset = position + BLOCK;
    if (isMetadata(header.typeflag)) {
      checkMetadataSize(header, position);
      const data = await readExactly(handle, header.size, dataOffset);
      if (data.length < header.size) {
        throw new TarError(
          `The archive is truncated (a header at offset ${position} is cut short)`,
        );
      }
      applyMetadata(header, data, pending, position);
    } else {
      const entry = toEntry(header, pending, dataOffset);
      pending = {};
      if (entry.offset + entry.size > archiveSize) {
        throw new TarError(
          `The archive is truncated (${entry.name} needs ${entry.size} bytes but the archive ends first)`,
        );
      }
      yield entry;
      position = dataOffset + paddedSize(entry.size);
      continue;
    }
    position = dataOffset + paddedSize(header.size);
  }
}

/** Every entry of the archive in `handle`. */
export const listTarEntries = async (handle: FileHandle): Promise<TarEntry[]> => {
  const entries: TarEntry[] = [];
  for await (const entry of readTarEntries(handle)) entries.push(entry);
  return entries;
};

/** The content of one entry, refused when it is larger than `maxBytes`. */
export const readTarEntry = async (
  handle: FileHandle,
  entry: TarEntry,
  maxBytes: number,
): Promise<Buffer> => {
  if (entry.size > maxBytes) {
    throw new TarError(`${entry.name} is ${entry.size} bytes, more than the ${maxBytes} allowed`);
  }
  const data = await readExactly(handle, entry.size, entry.offset);
  if (data.length < entry.size) throw new TarError(`The archive is truncated inside ${entry.name}`);
  return data;
};

export type CapturedTarEntry = TarEntry & { content?: Buffer };

export type TarInspectorOptions = {
  /** Entries whose content to keep (e.g. the .ovf), up to `maxCaptureBytes` each. */
  capture?: (entry: TarEntry) => boolean;
  maxCaptureBytes?: number;
};

export type TarInspector = {
  /** Feeds the next bytes of the archive; throws TarError as soon as they cannot be a tar. */
  push: (chunk: Uint8Array) => void;
  /** Declares the end of the bytes; throws TarError if the archive was cut short. */
  end: () => CapturedTarEntry[];
};

/**
 * A tar reader for bytes as they arrive. It keeps at most one header block, metadata records and
 * the captured entries in memory; entry data is counted, not stored.
 */
export const createTarInspector = (options: TarInspectorOptions = {}): TarInspector => {
  const maxCaptureBytes = options.maxCaptureBytes ?? MAX_METADATA_BYTES;
  const entries: CapturedTarEntry[] = [];
  const headerBlock = Buffer.alloc(BLOCK);
  let headerFilled = 0;
  let position = 0;
  let pending: Pending = {};
  let finished = false;
  // The entry or metadata whose data is streaming past, and how much of it (with padding) remains.
  let current:
    { header: Header; at: number; entry?: CapturedTarEntry; parts?: Buffer[] } | undefined;
  let dataRemaining = 0;
  let paddingRemaining = 0;

  const startHeader = () => {
    const at = position - BLOCK;
    if (isZeroBlock(headerBlock)) {
      finished = true;
      return;
    }
    const header = decodeHeader(headerBlock, at);
    if (isMetadata(header.typeflag)) {
      checkMetadataSize(header, at);
      current = { header, at, parts: [] };
      dataRemaining = header.size;
    } else {
      const entry: CapturedTarEntry = toEntry(header, pending, position);
      pending = {};
      entries.push(entry);
      const keep = options.capture?.(entry) ?? false;
      if (keep && entry.size > maxCaptureBytes) {
        throw new TarError(
          `${entry.name} is ${entry.size} bytes, more than the ${maxCaptureBytes} allowed`,
        );
      }
      current = { header, at, entry, parts: keep ? [] : undefined };
      dataRemaining = entry.size;
    }
    paddingRemaining = paddedSize(dataRemaining) - dataRemaining;
    if (dataRemaining === 0) finishData();
  };

  const finishData = () => {
    const { header, at, entry, parts } = current!;
    if (entry === undefined) applyMetadata(header, Buffer.concat(parts!), pending, at);
    else if (parts) entry.content = Buffer.concat(parts);
    current = undefined;
  };

  const push = (chunk: Uint8Array) => {
    let index = 0;
    while (index < chunk.length && !finished) {
      if (current === undefined && paddingRemaining === 0) {
        const take = Math.min(BLOCK - headerFilled, chunk.length - index);
        headerBlock.set(chunk.subarray(index, index + take), headerFilled);
        headerFilled += take;
        index += take;
        position += take;
        if (headerFilled === BLOCK) {
          headerFilled = 0;
          startHeader();
        }
      } else if (current !== undefined) {
        const take = Math.min(dataRemaining, chunk.length - index);
        current.parts?.push(Buffer.from(chunk.subarray(index, index + take)));
        dataRemaining -= take;
        index += take;
        position += take;
        if (dataRemaining === 0) finishData();
      } else {
        const take = Math.min(paddingRemaining, chunk.length - index);
        paddingRemaining -= take;
        index += take;
        position += take;
      }
    }
  };

  const end = () => {
    if (!finished) {
      throw new TarError(
        `The archive is truncated (it ends at byte ${position} ${current ? 'inside an entry' : 'before its end marker'})`,
      );
    }
    return entries;
  };

  return { push, end };
};

/** An entry's name without the "./" that some tars put in front of every member. */
export const memberPath = (entry: TarEntry) => entry.name.replace(/^(\.\/)+/, '');

/**
 * The one .ovf descriptor at the root of an OVA's entries. An OVA is "a tar with exactly one .ovf
 * at its root" (DSP0243 also wants it first; exporters do not all comply, so order is not checked).
 */
export const rootOvfEntry = (entries: readonly TarEntry[]): TarEntry => {
  const ovfs = entries.filter(
    (entry) =>
      entry.type === 'file' &&
      !memberPath(entry).includes('/') &&
      memberPath(entry).toLowerCase().endsWith('.ovf'),
  );
  if (ovfs.length === 0) throw new TarError('The archive has no .ovf file at its root');
  if (ovfs.length > 1) {
    throw new TarError(
      `The archive has ${ovfs.length} .ovf files at its root (${ovfs.map(memberPath).join(', ')}); an OVA holds exactly one`,
    );
  }
  return ovfs[0]!;
};
