import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertMatchesSchema, schemaErrors } from './schema-check.test-support.ts';

const dataVolume = (spec: Record<string, unknown>) => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataVolume',
  metadata: { name: 'disk-0', namespace: 'demo' },
  spec,
});

test('a valid DataVolume passes and the same one with a misspelt field fails, naming it', () => {
  const storage = { resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' };
  assertMatchesSchema(dataVolume({ source: { blank: {} }, storage }), 'cdi');
  assert.deepEqual(schemaErrors(dataVolume({ source: { blank: {} }, storgae: storage }), 'cdi'), [
    '.spec should NOT have additional properties: storgae',
  ]);
  assert.throws(
    () =>
      assertMatchesSchema(dataVolume({ source: { vddk: { backingfile: 'x' } }, storage }), 'cdi'),
    /backingfile/,
  );
});

test('a VirtualMachine is checked against KubeVirt’s schema: types, enums of structure, closed objects', () => {
  const vm = (domain: Record<string, unknown>) => ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'vm' },
    spec: { runStrategy: 'Halted', template: { spec: { domain } } },
  });
  assertMatchesSchema(vm({ devices: {}, cpu: { cores: 2 } }), 'kubevirt');
  assert.deepEqual(schemaErrors(vm({ devices: {}, cpu: { cores: 'two' } }), 'kubevirt'), [
    '.spec.template.spec.domain.cpu.cores should be integer',
  ]);
  assert.deepEqual(schemaErrors(vm({ devices: { disks: [{ disk: {} }] } }), 'kubevirt'), [
    ".spec.template.spec.domain.devices.disks[0] should have required property 'name'",
  ]);
});

test('core kinds are checked against the Kubernetes models client-node carries', () => {
  const pod = (container: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: 'p-' },
    spec: { containers: [{ name: 'c', ...container }] },
  });
  assertMatchesSchema(pod({ volumeDevices: [{ name: 'd', devicePath: '/dev/block0' }] }), 'core');
  assert.deepEqual(schemaErrors(pod({ volumeDevice: [] }), 'core'), [
    '.spec.containers[0] should NOT have additional properties: volumeDevice',
  ]);
  assert.deepEqual(schemaErrors(pod({ ports: [{ containerPort: '2112' }] }), 'core'), [
    '.spec.containers[0].ports[0].containerPort should be integer',
  ]);
  assert.deepEqual(schemaErrors({ kind: 'Pod' }, 'core'), ['(root) names no kind and apiVersion']);
});
