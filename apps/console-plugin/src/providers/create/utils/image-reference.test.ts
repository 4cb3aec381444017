import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isImageReference } from './image-reference.ts';

test('registry, path, tag and digest forms are image references', () => {
  for (const reference of [
    'quay.io/example/vddk:8.0.3',
    'image-registry.openshift-image-registry.svc:5000/openshift/vddk:latest',
    'localhost/vddk',
    'vddk',
    'registry.example.com/a/b/c_d/e__f/g-h--i',
    `quay.io/example/vddk@sha256:${'a'.repeat(64)}`,
    `quay.io/example/vddk:8.0@sha256:${'0'.repeat(64)}`,
  ]) {
    assert.equal(isImageReference(reference), true, reference);
  }
});

test('what the container tools refuse is not an image reference', () => {
  for (const reference of [
    '',
    'Quay.io/Example/VDDK:8',
    'quay.io/example/vddk:',
    'quay.io/example/vddk:-bad',
    'quay.io//vddk',
    'quay.io/example/vddk@sha256:short',
    'quay.io/example/vddk@a@b',
    'https://quay.io/example/vddk',
    'quay.io/example/vddk 8.0',
    '-bad.example.com/vddk',
  ]) {
    assert.equal(isImageReference(reference), false, reference);
  }
});

// A pattern that backtracks catastrophically would not return here and the test would time out.
test('a long hostile input is refused', () => {
  assert.equal(isImageReference(`${'a-'.repeat(5000)}!`), false);
  assert.equal(isImageReference(`${'a.'.repeat(5000)}/x`), false);
});
