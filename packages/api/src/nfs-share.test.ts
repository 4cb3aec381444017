import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NFS_SHARE_MESSAGES, nfsShareError, nfsShareFolder, parseNfsShare } from './nfs-share.ts';

test("both of Forklift's spellings give the server and a normalized export path", () => {
  assert.deepEqual(parseNfsShare('10.0.0.5:/exports/ova').share, {
    server: '10.0.0.5',
    exportPath: '/exports/ova',
  });
  assert.deepEqual(parseNfsShare(' nfs://nfs.example.com/exports//ova/ ').share, {
    server: 'nfs.example.com',
    exportPath: '/exports/ova',
  });
  assert.deepEqual(parseNfsShare('nfs.example.com:/').share, {
    server: 'nfs.example.com',
    exportPath: '/',
  });
});

test('a URL that is not a share says so', () => {
  for (const url of [
    '/exports/ova',
    'nfs://',
    'nfs://nfs.example.com',
    'http://x/y',
    'https://nfs.example.com/ova',
    'server:relative',
    'server://x',
    'bad_host:/x',
    'a b:/c',
    'server:/my ova',
  ]) {
    assert.equal(parseNfsShare(url).problem, 'not-share', url);
  }
  assert.equal(parseNfsShare('  ').problem, 'missing');
});

test('a path that climbs out of the share is refused', () => {
  assert.equal(parseNfsShare('server:/exports/../../etc').problem, 'dot-segments');
  assert.equal(parseNfsShare('nfs://server/./ova').problem, 'dot-segments');
});

test('each problem has one message, which nfsShareError answers', () => {
  assert.equal(nfsShareError('server:/ova'), undefined);
  assert.equal(nfsShareError('server'), NFS_SHARE_MESSAGES['not-share']);
});

test('a share is the folder <root>/<server>/<export path> under the share root', () => {
  const share = parseNfsShare('nfs.example.com:/exports//ova/').share!;
  assert.equal(nfsShareFolder(share, '/srv/shares/'), '/srv/shares/nfs.example.com/exports/ova');
  assert.equal(
    nfsShareFolder(parseNfsShare('nfs://10.0.0.5/').share!, '/srv/shares'),
    '/srv/shares/10.0.0.5',
  );
});
