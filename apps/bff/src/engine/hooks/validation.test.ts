import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ForkliftController, Hook, HookSpec } from '@forklift-console/api';
import { checkHook } from './validation.ts';

const hook = (spec: HookSpec): Hook => ({ metadata: { name: 'h', namespace: 'mtv' }, spec });
const PLAYBOOK = Buffer.from('- hosts: localhost\n  tasks: []\n').toString('base64');
const typesOf = (spec: HookSpec, controller?: ForkliftController) =>
  checkHook(hook(spec), controller).map(({ type, reason }) => `${type}/${reason}`);

test('a local hook with an image and a base64 playbook earns nothing', () => {
  assert.deepEqual(typesOf({ image: 'quay.io/konveyor/hook-runner', playbook: PLAYBOOK }), []);
  assert.deepEqual(typesOf({ image: 'quay.io/konveyor/hook-runner' }), []);
});

test('a local hook without an image cannot execute', () => {
  assert.deepEqual(typesOf({ playbook: PLAYBOOK }), ['InvalidHookExecute/NotSet']);
});

test('an image that is no image reference is InvalidImage', () => {
  const [condition] = checkHook(hook({ image: 'Quay.io/Bad Image' }), undefined);
  assert.equal(condition?.type, 'InvalidImage');
  assert.equal(condition?.category, 'Critical');
});

test('a playbook that is not base64 is InvalidPlaybook', () => {
  assert.deepEqual(typesOf({ image: 'hook-runner', playbook: '- hosts: all' }), [
    'InvalidPlaybook/NotValid',
  ]);
});

test('an AAP hook may not carry an image, and needs a URL from itself or the ForkliftController', () => {
  assert.deepEqual(typesOf({ aap: { jobTemplateId: 7 }, image: 'hook-runner' }), [
    'InvalidHookExecute/NotValid',
  ]);
  assert.deepEqual(typesOf({ aap: { jobTemplateId: 7 } }), ['InvalidHookExecute/NotSet']);
  assert.deepEqual(typesOf({ aap: { jobTemplateId: 7, url: 'https://aap.example.com' } }), []);
  const controller = { spec: { aap_url: 'https://aap.example.com' } } as ForkliftController;
  assert.deepEqual(typesOf({ aap: { jobTemplateId: 7 } }, controller), []);
});
