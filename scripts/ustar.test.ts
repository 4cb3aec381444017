import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTarInspector,
  rootOvfEntry,
  type CapturedTarEntry,
} from '../apps/bff/src/inventory/ova/tar.ts';
import { tarArchive, ustarHeader } from './ustar.ts';

test('a ustar header carries the name, the octal size and a checksum the BFF accepts', () => {
  const header = ustarHeader('disk.vmdk', 2 ** 31);
  assert.equal(header.length, 512);
  assert.equal(header.toString('ascii', 124, 136), '20000000000\0');
  const inspector = createTarInspector();
  inspector.push(Buffer.concat([ustarHeader('empty.txt', 0), Buffer.alloc(1024)]));
  assert.deepEqual(
    inspector.end().map((entry) => [entry.name, entry.size]),
    [['empty.txt', 0]],
  );
  assert.throws(() => ustarHeader('x'.repeat(101), 1), /over 100 bytes/);
  assert.throws(() => ustarHeader('big', 8 * 1024 ** 3), /does not fit/);
});

test('an archive in memory is read back by the BFF’s tar inspector, member by member', () => {
  const inspector = createTarInspector({ capture: (entry) => entry.name.endsWith('.ovf') });
  inspector.push(tarArchive({ 'vm.ovf': '<Envelope/>', 'disk.vmdk': Buffer.alloc(700, 7) }));
  const entries = inspector.end();
  assert.deepEqual(
    entries.map((entry) => [entry.name, entry.size]),
    [
      ['vm.ovf', 11],
      ['disk.vmdk', 700],
    ],
  );
  assert.equal((rootOvfEntry(entries) as CapturedTarEntry).content?.toString(), '<Envelope/>');
});
