import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localShareDir, ShareUrlError } from './share.ts';

test("both of Forklift's spellings of a share map to one local folder", () => {
  assert.equal(
    localShareDir('10.0.0.5:/exports/ova', '/srv/shares'),
    '/srv/shares/10.0.0.5/exports/ova',
  );
  assert.equal(
    localShareDir('nfs://nfs.example.com/exports/ova/', '/srv/shares'),
    '/srv/shares/nfs.example.com/exports/ova',
  );
});

test('a URL that is not a share, or climbs out of the share root, has no folder', () => {
  for (const url of ['', 'http://x/y', 'server:/exports/../../etc']) {
    assert.throws(() => localShareDir(url, '/srv/shares'), ShareUrlError, url);
  }
});
