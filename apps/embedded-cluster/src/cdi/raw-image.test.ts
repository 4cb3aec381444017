// The raw copy of a remote disk (raw-reader) against a real HTTPS server: the bytes arrive whole
// and sparse, and every way a read goes wrong fails with its cause and leaves no file behind.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../test-support/eventually.ts';
import { importRawImage } from './raw-image.ts';
import type { RemoteImage } from './remote-image.ts';
import { startImageServer, type ImageServer } from './test-image-server.ts';
import { makeCertificate } from './test-images.ts';

const MIB = 1024 * 1024;
// Data, then a run of zeros, then data ending in a sector that is not a whole 4 KiB block.
const DISK_BYTES = 8 * MIB + 512;
const disk = Buffer.concat([
  randomBytes(2 * MIB),
  Buffer.alloc(4 * MIB),
  randomBytes(DISK_BYTES - 6 * MIB),
]);

// The HTTPS server's certificate is made with openssl.
const opensslMissing = (() => {
  try {
    execFileSync('which', ['openssl'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'openssl is not installed';
  }
})();

describe('a raw disk copied over HTTPS', { skip: opensslMissing }, () => {
  let work: string;
  let server: ImageServer;
  let ca: string;
  let tls: { key: string; cert: string };

  const image = (name: string, trusted = true): RemoteImage => ({
    url: server.url(`/${name}`),
    headers: {},
    ...(trusted ? { ca } : {}),
  });
  const target = (name: string, capacityBytes = 16 * MIB) => ({
    diskImage: path.join(work, `${name}.img`),
    capacityBytes,
  });
  const leftBehind = async (name: string) =>
    (await readdir(work)).filter((file) => file.startsWith(`${name}.img`));

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'raw-image-'));
    tls = await makeCertificate(work);
    ca = tls.cert;
    const file = path.join(work, 'disk-flat.vmdk');
    await writeFile(file, disk);
    server = await startImageServer(
      {
        '/disk-flat.vmdk': { file, delayPer64KiB: 10 },
        '/fast-flat.vmdk': { file },
        '/dropped-flat.vmdk': { file, dropAfter: 3 * MIB },
        '/short-flat.vmdk': { file, truncateTo: 4 * MIB },
        '/held-flat.vmdk': { file, holdAfter: 3 * MIB },
      },
      tls,
    );
  });

  after(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  test('arrives byte for byte with the volume size, its zeros left as holes, its progress reported to the end', async () => {
    const progress: number[] = [];
    const into = target('copied');
    await importRawImage(image('disk-flat.vmdk'), DISK_BYTES, into, {
      onProgress: (fraction) => progress.push(fraction),
    });
    const copied = await readFile(into.diskImage);
    assert.equal(copied.length, 16 * MIB, "the volume's size");
    assert.ok(copied.subarray(0, DISK_BYTES).equals(disk), 'the same bytes');
    assert.ok(copied.subarray(DISK_BYTES).equals(Buffer.alloc(16 * MIB - DISK_BYTES)), 'zeros');
    const { blocks } = await stat(into.diskImage);
    assert.ok(blocks * 512 <= DISK_BYTES - 4 * MIB + 64 * 1024, `sparse: ${blocks * 512} bytes`);
    assert.ok(progress.length >= 2, `progress seen ${progress.length} times`);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
      'progress only goes forward',
    );
    assert.ok(progress.at(-1)! > 0.999, `ends at ${progress.at(-1)}`);
    assert.deepEqual(await leftBehind('copied'), ['copied.img']);
  });

  test('a server whose certificate is not trusted is refused with the cause', async () => {
    await assert.rejects(
      importRawImage(image('fast-flat.vmdk', false), DISK_BYTES, target('untrusted'), {}),
      /certificate/,
    );
    assert.deepEqual(await leftBehind('untrusted'), []);
  });

  test('a missing file fails with the status the server answered', async () => {
    await assert.rejects(
      importRawImage(image('no-such-flat.vmdk'), DISK_BYTES, target('missing'), {}),
      /answered 404/,
    );
    assert.deepEqual(await leftBehind('missing'), []);
  });

  test('a body cut short fails saying how much came, and leaves nothing', async () => {
    await assert.rejects(
      importRawImage(image('dropped-flat.vmdk'), DISK_BYTES, target('dropped'), {}),
      /the server sent \d+ of the disk's 8389120 bytes/,
    );
    assert.deepEqual(await leftBehind('dropped'), []);
  });

  test('a file of another size than the disk is not taken for it', async () => {
    await assert.rejects(
      importRawImage(image('short-flat.vmdk'), DISK_BYTES, target('short'), {}),
      /the server has 4194304 bytes where the disk holds 8389120/,
    );
  });

  test('a disk larger than the volume is refused before a byte is read', async () => {
    await assert.rejects(
      importRawImage(image('fast-flat.vmdk'), DISK_BYTES, target('small', 4 * MIB), {}),
      /larger than the volume's size 4194304: a larger PVC is required/,
    );
  });

  test('a copy stopped under way ends and leaves nothing', async () => {
    const stop = new AbortController();
    const copy = importRawImage(image('held-flat.vmdk'), DISK_BYTES, target('stopped'), {
      signal: stop.signal,
    });
    await eventually(async () => (server.holding() ? true : undefined), {
      what: 'the copy to be under way',
    });
    stop.abort();
    await assert.rejects(copy, /stopped/);
    assert.deepEqual(await leftBehind('stopped'), []);
  });

  test('the reader ends with the importer that started it (kill -9)', async (t) => {
    // The importer's process, copying from a server of its own that holds after 3 MiB, so that
    // the reader cannot end by finishing the copy.
    const file = path.join(work, 'disk-flat.vmdk');
    const held = await startImageServer({ '/orphan-flat.vmdk': { file, holdAfter: 3 * MIB } }, tls);
    t.after(() => held.close());
    const importer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { importRawImage } from ${JSON.stringify(path.join(import.meta.dirname, 'raw-image.ts'))};
         await importRawImage(JSON.parse(process.env.IMAGE), ${DISK_BYTES}, JSON.parse(process.env.TARGET), {});`,
      ],
      {
        stdio: 'ignore',
        env: {
          ...process.env,
          IMAGE: JSON.stringify({ url: held.url('/orphan-flat.vmdk'), headers: {}, ca }),
          TARGET: JSON.stringify(target('orphan')),
        },
      },
    );
    const reader = await eventually(
      async () => {
        const children = await readFile(
          `/proc/${importer.pid}/task/${importer.pid}/children`,
          'utf8',
        );
        return children.trim() && held.holding() ? Number(children.trim()) : undefined;
      },
      { what: 'the reader to be copying' },
    );
    importer.kill('SIGKILL');
    await once(importer, 'exit');
    await eventually(
      async () => {
        // Gone, or a zombie where nothing reaps orphans (a container's first process).
        const status = await readFile(`/proc/${reader}/status`, 'utf8').catch(() => 'State: X');
        return /^State:\s+[XZ]/m.test(status) ? true : undefined;
      },
      { what: `the reader (process ${reader}) to end` },
    );
  });
});
