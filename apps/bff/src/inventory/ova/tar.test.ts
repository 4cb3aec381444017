import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTarInspector,
  listTarEntries,
  readTarEntries,
  readTarEntry,
  rootOvfEntry,
  TarError,
} from './tar.ts';

let dir = '';
const LONG_NAME = `${'long-directory-name/'.repeat(8)}disk-with-a-long-name.vmdk`;

const makeTar = (name: string, files: string[], format = 'gnu') => {
  execFileSync('tar', [`--format=${format}`, '-cf', name, ...files], { cwd: dir });
  return join(dir, name);
};

const inspect = async (path: string, chunkSize: number) => {
  const bytes = await readFile(path);
  const inspector = createTarInspector({ capture: (entry) => entry.name.endsWith('.ovf') });
  for (let start = 0; start < bytes.length; start += chunkSize) {
    inspector.push(bytes.subarray(start, start + chunkSize));
  }
  return inspector.end();
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ova-tar-'));
  await writeFile(join(dir, 'vm.ovf'), '<Envelope/>');
  await writeFile(join(dir, 'disk.vmdk'), Buffer.alloc(1500, 7));
  execFileSync('mkdir', ['-p', join(dir, LONG_NAME, '..')]);
  await writeFile(join(dir, LONG_NAME), 'x');
});
after(() => rm(dir, { recursive: true, force: true }));

describe('tar reading', () => {
  for (const format of ['gnu', 'pax', 'ustar']) {
    test(`lists and reads entries of a ${format} archive`, async () => {
      const files =
        format === 'ustar' ? ['vm.ovf', 'disk.vmdk'] : ['vm.ovf', 'disk.vmdk', LONG_NAME];
      const path = makeTar(`${format}.tar`, files, format);
      const handle = await open(path, 'r');
      try {
        const entries = await listTarEntries(handle);
        assert.deepEqual(
          entries.map(({ name, size, type }) => ({ name, size, type })),
          [
            { name: 'vm.ovf', size: 11, type: 'file' },
            { name: 'disk.vmdk', size: 1500, type: 'file' },
            ...(format === 'ustar' ? [] : [{ name: LONG_NAME, size: 1, type: 'file' as const }]),
          ],
        );
        assert.equal((await readTarEntry(handle, entries[0]!, 100)).toString(), '<Envelope/>');
        assert.deepEqual(await readTarEntry(handle, entries[1]!, 2000), Buffer.alloc(1500, 7));
        await assert.rejects(readTarEntry(handle, entries[1]!, 1000), /more than the 1000 allowed/);
      } finally {
        await handle.close();
      }
      for (const chunkSize of [1, 511, 4096]) {
        const inspected = await inspect(path, chunkSize);
        assert.deepEqual(
          inspected.map((entry) => entry.name),
          files,
        );
        assert.equal(inspected[0]!.content?.toString(), '<Envelope/>');
        assert.equal(inspected[1]!.content, undefined);
        assert.equal(rootOvfEntry(inspected).name, 'vm.ovf');
      }
    });
  }

  test('stops early without reading the rest of the archive', async () => {
    const path = makeTar('early.tar', ['vm.ovf', 'disk.vmdk']);
    // Corrupt the second header: an iterator that stops at the first entry never sees it.
    const bytes = await readFile(path);
    bytes[1024 + 10] = bytes[1024 + 10]! ^ 0xff;
    await writeFile(path, bytes);
    const handle = await open(path, 'r');
    try {
      for await (const entry of readTarEntries(handle)) {
        assert.equal(entry.name, 'vm.ovf');
        break;
      }
      await assert.rejects(listTarEntries(handle), /offset 1024 is corrupt \(checksum mismatch\)/);
    } finally {
      await handle.close();
    }
    assert.throws(() => createTarInspector().push(bytes), /offset 1024 is corrupt/);
  });

  test('reports truncated archives', async () => {
    const path = makeTar('cut.tar', ['vm.ovf', 'disk.vmdk']);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, 1024 + 512 + 700));
    const handle = await open(path, 'r');
    await assert.rejects(listTarEntries(handle), (error) => {
      assert.ok(error instanceof TarError);
      assert.match(error.message, /truncated \(disk\.vmdk needs 1500 bytes/);
      return true;
    });
    await handle.close();
    const inspector = createTarInspector();
    inspector.push(bytes.subarray(0, 1024 + 512 + 700));
    assert.throws(() => inspector.end(), /truncated .* inside an entry/);
    const headerOnly = createTarInspector();
    headerOnly.push(bytes.subarray(0, 1024));
    assert.throws(() => headerOnly.end(), /before its end marker/);
  });

  test('an OVA needs exactly one .ovf at its root', async () => {
    assert.throws(() => rootOvfEntry([]), /no \.ovf file at its root/);
    const entry = (name: string) => ({ name, size: 1, offset: 512, type: 'file' as const });
    assert.throws(() => rootOvfEntry([entry('sub/vm.ovf')]), /no \.ovf file at its root/);
    assert.throws(
      () => rootOvfEntry([entry('a.ovf'), entry('./B.OVF')]),
      /2 \.ovf files .*a\.ovf, B\.OVF/,
    );
    assert.equal(rootOvfEntry([entry('disk.vmdk'), entry('./vm.OVF')]).name, './vm.OVF');
  });
});
