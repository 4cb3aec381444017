// The body of the upload bench: a multipart/form-data request whose one file part is an OVA of an
// exact size, made on the fly: a ustar header, a small OVF descriptor, a header for disk.vmdk, the
// disk as one pattern repeated, the tar end blocks. Nothing is held in memory but the pattern, so
// the sending process stays small and the figures are the server's.
import { sampleOvfXml } from '../sample-ova.ts';
import { TAR_BLOCK, TAR_END, tarPadding, ustarHeader } from '../ustar.ts';

export const DISK_MEMBER = 'disk.vmdk';
export const OVF_MEMBER = 'bench.ovf';

export type OvaBody = {
  fileName: string;
  contentType: string;
  contentLength: number;
  /** Size of the .ova file itself, what the server stores. */
  fileBytes: number;
  /** The body, start to end; each call starts again. Chunks may share memory: do not modify. */
  chunks(): Generator<Buffer>;
  /** The .ova file alone, as chunks() carries it: what the server should store. */
  fileChunks(): Generator<Buffer>;
};

/**
 * A multipart body with one part named "file" holding an OVA of exactly `fileBytes` bytes whose
 * disk repeats `pattern`. `fileBytes` must be a multiple of 512, as every tar is.
 */
export const ovaUploadBody = ({
  fileName,
  fileBytes,
  pattern,
  // A browser's kind of boundary (Chromium's here): its length sets how fast a parser skips data.
  boundary = '----WebKitFormBoundaryForkliftBenchOva',
}: {
  fileName: string;
  fileBytes: number;
  pattern: Buffer;
  boundary?: string;
}): OvaBody => {
  if (pattern.length === 0) throw new Error('the disk pattern must not be empty');
  if (fileBytes % TAR_BLOCK !== 0)
    throw new Error(`an OVA's size is whole blocks, not ${fileBytes}`);
  // The OVF declares the disk's size and the disk gets what the OVF leaves: sized once with the
  // file's size, the descriptor keeps its padded length for a disk a few blocks smaller (checked).
  const describe = (diskBytes: number) =>
    Buffer.from(
      sampleOvfXml({ name: 'bench-upload' }, [
        { href: DISK_MEMBER, size: diskBytes, capacityMiB: Math.ceil(diskBytes / 2 ** 20) },
      ]),
    );
  const overhead = (ovf: Buffer) =>
    2 * TAR_BLOCK + ovf.length + tarPadding(ovf.length).length + 2 * TAR_BLOCK;
  const diskBytes = fileBytes - overhead(describe(fileBytes));
  const ovf = describe(diskBytes);
  if (diskBytes <= 0 || overhead(ovf) + diskBytes !== fileBytes) {
    throw new Error(`an OVA of ${fileBytes} bytes cannot hold the descriptor and a disk`);
  }
  const partHead = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const partClose = Buffer.from(`\r\n--${boundary}--\r\n`);
  const archiveHead = Buffer.concat([
    ustarHeader(OVF_MEMBER, ovf.length),
    ovf,
    tarPadding(ovf.length),
    ustarHeader(DISK_MEMBER, diskBytes),
  ]);
  function* fileChunks() {
    yield archiveHead;
    for (let sent = 0; sent < diskBytes; sent += pattern.length) {
      yield diskBytes - sent >= pattern.length ? pattern : pattern.subarray(0, diskBytes - sent);
    }
    yield TAR_END;
  }
  return {
    fileName,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: partHead.length + fileBytes + partClose.length,
    fileBytes,
    *chunks() {
      yield partHead;
      yield* fileChunks();
      yield partClose;
    },
    fileChunks,
  };
};
