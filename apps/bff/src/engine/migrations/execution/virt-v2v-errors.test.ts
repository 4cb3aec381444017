import { test } from 'node:test';
import assert from 'node:assert/strict';
import { virtV2vErrors } from './virt-v2v-errors.ts';

test('virt-v2v’s error is found among its debug output, its wrapped lines joined', () => {
  const log = [
    'libguestfs: trace: v2v: inspect_os',
    'virt-v2v-in-place: error: inspection could not detect the source guest (or ',
    'physical machine).',
    '',
    'Assuming that you are running virt-v2v/virt-p2v on a source which is ',
    'supported (and not, for example, a blank disk), then this should not ',
    'happen.',
    'libguestfs: trace: v2v: close',
  ].join('\n');
  assert.deepEqual(virtV2vErrors(log), [
    'virt-v2v-in-place: error: inspection could not detect the source guest (or physical machine).',
  ]);
});

test('a log without virt-v2v’s error gives none', () => {
  assert.deepEqual(virtV2vErrors('Killed\n'), []);
  assert.deepEqual(virtV2vErrors(''), []);
});
