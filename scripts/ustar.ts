// Writing ustar archives, the container of an OVA: 512-byte header blocks with octal numeric
// fields, each member's data padded to a whole block, two zero blocks at the end. Shared by the
// sample OVAs, the upload bench and the upload tests, which also build broken archives with it.

export const TAR_BLOCK = 512;
/** The two zero blocks that end an archive. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

const octal = (value: number, width: number) => {
  const digits = value.toString(8);
  if (digits.length > width - 1) throw new Error(`${value} does not fit a ${width}-byte tar field`);
  return `${digits.padStart(width - 1, '0')}\0`;
};

/** A ustar header block for a regular file of `size` bytes, modified at `mtime` (Unix seconds). */
export const ustarHeader = (name: string, size: number, mtime = 0): Buffer => {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name over 100 bytes: ${name}`);
  const header = Buffer.alloc(TAR_BLOCK);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(mtime, 12), 136, 'ascii');
  // The checksum is summed with its own field read as spaces.
  header.fill(' ', 148, 156);
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let checksum = 0;
  for (const byte of header) checksum += byte;
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
};

/** The zero bytes that pad a member of `size` bytes to a whole block. */
export const tarPadding = (size: number): Buffer =>
  Buffer.alloc((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK);

/** A whole archive in memory, members in the order given. */
export const tarArchive = (members: Record<string, Buffer | string>): Buffer =>
  Buffer.concat([
    ...Object.entries(members).flatMap(([name, value]) => {
      const content = Buffer.from(value);
      return [ustarHeader(name, content.length), content, tarPadding(content.length)];
    }),
    TAR_END,
  ]);
