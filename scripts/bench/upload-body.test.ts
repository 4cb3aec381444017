import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTarInspector, rootOvfEntry } from '../../apps/bff/src/inventory/ova/tar.ts';
import { parseOvf } from '../../apps/bff/src/inventory/ova/ovf.ts';
import { DISK_MEMBER, OVF_MEMBER, ovaUploadBody } from './upload-body.ts';

const BOUNDARY = 'test-boundary';

/** The file part of a body, by its framing: everything between the part's head and the close. */
const filePart = (body: Buffer, fileName: string) => {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`;
  assert.equal(body.subarray(0, head.length).toString(), head);
  const start = body.indexOf('\r\n\r\n') + 4;
  const close = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  assert.deepEqual(body.subarray(body.length - close.length), close);
  const file = body.subarray(start, body.length - close.length);
  assert.equal(file.indexOf(`--${BOUNDARY}`), -1, 'the boundary must not occur in the file');
  return file;
};

test('the body is a multipart part holding an OVA of exactly the size asked, as the BFF reads it', () => {
  const pattern = Buffer.from('0123456789abcdef'.repeat(700));
  const body = ovaUploadBody({
    fileName: 'b.ova',
    fileBytes: 512 * 100,
    pattern,
    boundary: BOUNDARY,
  });
  const bytes = Buffer.concat([...body.chunks()]);
  assert.equal(bytes.length, body.contentLength);
  assert.equal(body.contentType, `multipart/form-data; boundary=${BOUNDARY}`);
  const file = filePart(bytes, 'b.ova');
  assert.equal(file.length, 512 * 100);
  assert.deepEqual(Buffer.concat([...body.fileChunks()]), file);

  const inspector = createTarInspector({ capture: (entry) => entry.name === OVF_MEMBER });
  // Odd slices, so entries and headers straddle chunks as they do on a socket.
  for (let offset = 0; offset < file.length; offset += 1000) {
    inspector.push(file.subarray(offset, offset + 1000));
  }
  const entries = inspector.end();
  assert.deepEqual(
    entries.map((entry) => entry.name),
    [OVF_MEMBER, DISK_MEMBER],
  );
  const disk = entries[1]!;
  assert.equal(disk.offset + disk.size + 1024, file.length, 'the disk runs up to the end blocks');
  assert.deepEqual(file.subarray(disk.offset, disk.offset + pattern.length), pattern);
  assert.equal(rootOvfEntry(entries), entries[0]);
  const envelope = parseOvf(entries[0]!.content!.toString('utf8'));
  assert.equal(envelope.virtualSystems[0]!.disks[0]!.Name, DISK_MEMBER);
  assert.equal(
    envelope.virtualSystems[0]!.disks[0]!.Capacity,
    Math.ceil(disk.size / 2 ** 20) * 2 ** 20,
  );
});

test('the last piece of the disk is cut to size, and every pass yields the same bytes', () => {
  const body = ovaUploadBody({
    fileName: 'b.ova',
    fileBytes: 512 * 40,
    pattern: Buffer.alloc(3000, 7),
  });
  const first = Buffer.concat([...body.chunks()]);
  assert.deepEqual(Buffer.concat([...body.chunks()]), first);
  assert.equal(first.length, body.contentLength);
});

test('sizes that are not whole blocks, or too small for the descriptor, are refused', () => {
  const pattern = Buffer.alloc(512);
  assert.throws(
    () => ovaUploadBody({ fileName: 'b.ova', fileBytes: 1000, pattern }),
    /whole blocks/,
  );
  assert.throws(
    () => ovaUploadBody({ fileName: 'b.ova', fileBytes: 2048, pattern }),
    /cannot hold/,
  );
  assert.throws(
    () => ovaUploadBody({ fileName: 'b.ova', fileBytes: 512 * 40, pattern: Buffer.alloc(0) }),
    /pattern/,
  );
});
