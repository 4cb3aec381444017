import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import { copiedAnnotations, copyBody, specReferences } from './plan-owned-copies.ts';

test("every object the spec names is found once, in the plan's project unless it says another", () => {
  const plan = {
    metadata: { name: 'p', namespace: 'demo' },
    spec: {
      provider: { source: { name: 's' }, destination: { name: 'd' } },
      targetNamespace: 'target',
      map: { network: { name: 'net' }, storage: { name: 'disk', namespace: 'shared' } },
      customizationScripts: { name: 'scripts' },
      vms: [
        { id: '1', hooks: [{ step: 'PreHook', hook: { name: 'pre' } }], luks: { name: 'keys' } },
        { id: '2', hooks: [{ step: 'PreHook', hook: { name: 'pre' } }], luks: { name: 'keys' } },
      ],
    },
  } as Plan;
  assert.deepEqual(specReferences(plan), [
    { kind: 'NetworkMap', key: { namespace: 'demo', name: 'net' } },
    { kind: 'StorageMap', key: { namespace: 'shared', name: 'disk' } },
    { kind: 'ConfigMap', key: { namespace: 'demo', name: 'scripts' } },
    { kind: 'Hook', key: { namespace: 'demo', name: 'pre' } },
    { kind: 'Secret', key: { namespace: 'demo', name: 'keys' } },
  ]);
});

test("a copy keeps the content, not the server's bookkeeping, owner or kubectl's last apply", () => {
  const copy = copyBody(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'keys',
        namespace: 'demo',
        uid: 'u',
        resourceVersion: '7',
        labels: { team: 'a' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'n' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Plan', name: 'p', uid: 'u' }],
      },
      data: { passphrase: 'cw==' },
      status: { phase: 'x' },
    },
    'copy',
  );
  assert.deepEqual(copy, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      generateName: 'copy-',
      namespace: 'demo',
      labels: { team: 'a' },
      annotations: { note: 'n' },
    },
    data: { passphrase: 'cw==' },
  });
  assert.deepEqual(
    copiedAnnotations({ 'kubectl.kubernetes.io/last-applied-configuration': '{}' }),
    {},
  );
});
