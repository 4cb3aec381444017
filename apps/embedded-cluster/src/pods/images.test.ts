import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageRepository, localRunnerFor } from './images.ts';

test('an image is known by its repository, whatever its tag, digest or registry port', () => {
  assert.equal(localRunnerFor('quay.io/kubev2v/forklift-virt-v2v:latest'), 'virt-v2v');
  assert.equal(
    localRunnerFor('quay.io/kubev2v/forklift-virt-v2v@sha256:' + 'a'.repeat(64)),
    'virt-v2v',
  );
  assert.equal(localRunnerFor('quay.io/kubev2v/hook-runner'), 'hook-runner');
  assert.equal(
    imageRepository('localhost:5000/kubev2v/hook-runner:v2'),
    'localhost:5000/kubev2v/hook-runner',
  );
  assert.equal(localRunnerFor('localhost:5000/kubev2v/hook-runner:v2'), undefined);
  assert.equal(localRunnerFor('quay.io/kubev2v/forklift-virt-v2v-extra:latest'), undefined);
  assert.equal(localRunnerFor('busybox'), undefined);
});
