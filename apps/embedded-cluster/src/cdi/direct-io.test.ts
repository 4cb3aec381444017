import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { takesDirectIo } from './direct-io.ts';

const EXT4_MAGIC = 0xef53;

test('an ext4 folder takes O_DIRECT, and the probe leaves no file behind', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'direct-io-'));
  try {
    if ((await statfs(folder)).type !== EXT4_MAGIC) {
      t.skip(`${os.tmpdir()} is not on ext4 here`);
      return;
    }
    const file = path.join(folder, 'disk.img.importing');
    assert.equal(await takesDirectIo(file), true);
    await assert.rejects(stat(file), { code: 'ENOENT' });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a folder that does not exist is an error, not a no', async () => {
  await assert.rejects(takesDirectIo(path.join(os.tmpdir(), 'no-such-folder-x', 'disk.img')), {
    code: 'ENOENT',
  });
});
