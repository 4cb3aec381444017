import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageReferenceError, isFullyQualifiedImage, playbookError } from './hook-rules.ts';

test('image references with a registry, a port, a tag or a digest are accepted', () => {
  for (const image of [
    'quay.io/konveyor/hook-runner:latest',
    'hook-runner',
    'registry.example.com:5000/team/runner',
    'localhost/runner:v1.2',
    `quay.io/org/image@sha256:${'a'.repeat(64)}`,
  ]) {
    assert.equal(imageReferenceError(image), undefined, image);
  }
});

test('an empty image, capitals in the path or a bad tag are refused with the rule', () => {
  assert.equal(imageReferenceError(''), 'must not be empty');
  for (const image of ['quay.io/Org/Image', 'image:', 'image:tag with space', '/image']) {
    assert.match(imageReferenceError(image) ?? '', /container image reference/, image);
  }
});

test('only an image that names its registry is fully qualified', () => {
  assert.equal(isFullyQualifiedImage('quay.io/kubev2v/virt-v2v:latest'), true);
  assert.equal(isFullyQualifiedImage('registry:5000/virt-v2v'), true);
  assert.equal(isFullyQualifiedImage('localhost/virt-v2v'), true);
  assert.equal(isFullyQualifiedImage('kubev2v/virt-v2v:latest'), false);
  assert.equal(isFullyQualifiedImage('virt-v2v'), false);
  assert.equal(isFullyQualifiedImage('Quay.io/x'), true);
});

test('a playbook must be base64, line breaks allowed', () => {
  const playbook = Buffer.from('- hosts: localhost\n  tasks: []\n').toString('base64');
  assert.equal(playbookError(playbook), undefined);
  assert.equal(playbookError(`${playbook.slice(0, 8)}\n${playbook.slice(8)}`), undefined);
  assert.equal(playbookError('- hosts: localhost'), 'must be base64-encoded');
});
