import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustVmName, previewTargetName, targetNameError } from './target-vm-name.ts';

test('a DNS-1123 subdomain source name is kept as it is', () => {
  assert.deepEqual(previewTargetName('web-01.example'), {
    name: 'web-01.example',
    source: 'source',
  });
});

test('a name with capitals, spaces and underscores is renamed as the engine will', () => {
  assert.equal(adjustVmName('My Web_Server 01'), 'my-web-server-01');
  assert.equal(adjustVmName('--DB..Primary--'), 'db.primary');
  assert.equal(adjustVmName('a__+*b'), 'a-b');
  assert.equal(adjustVmName('Ünïcode VM'), 'ncode-vm');
  assert.deepEqual(previewTargetName('Web Server'), { name: 'web-server', source: 'renamed' });
});

test('each part is cut to 63 characters and the whole to 63 without a trailing dot or dash', () => {
  const long = `${'a'.repeat(62)}-b${'c'.repeat(10)}`;
  assert.equal(adjustVmName(long.toUpperCase()), `${'a'.repeat(62)}`);
  const twoParts = adjustVmName(`${'x'.repeat(40)}.${'y'.repeat(40)}_Z`);
  assert.equal(twoParts.length <= 63, true);
  assert.doesNotMatch(twoParts, /[.-]$/);
});

test('a name with nothing usable becomes vm- and four random characters', () => {
  assert.equal(
    adjustVmName('___', () => 0),
    'vm-aaaa',
  );
  assert.match(adjustVmName('!!!'), /^vm-[a-z0-9]{4}$/);
});

test('a chosen target name is used unaltered and checked as a DNS-1123 subdomain', () => {
  assert.deepEqual(previewTargetName('Web Server', 'frontend'), {
    name: 'frontend',
    source: 'chosen',
  });
  assert.equal(targetNameError('frontend-1'), undefined);
  assert.match(targetNameError('Frontend') ?? '', /lower case/);
  assert.match(targetNameError('') ?? '', /empty/);
});
