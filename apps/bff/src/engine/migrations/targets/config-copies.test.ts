import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configCopy, configReferencesOf, COPY_SOURCE_ANNOTATION } from './config-copies.ts';

const vmWith = (volumes: object[]) => ({ spec: { template: { spec: { volumes } } } });

test('the volumes name ConfigMaps and Secrets by every field KubeVirt reads them from', () => {
  const vm = vmWith([
    { name: 'root', persistentVolumeClaim: { claimName: 'root' } },
    { name: 'app-config', configMap: { name: 'app' } },
    { name: 'tls', secret: { secretName: 'tls' } },
    {
      name: 'cloudinit',
      cloudInitNoCloud: { secretRef: { name: 'user-data' }, networkDataSecretRef: { name: 'net' } },
    },
    { name: 'drive', cloudInitConfigDrive: { secretRef: { name: 'user-data' } } },
    { name: 'sysprep', sysprep: { configMap: { name: 'unattend' } } },
    { name: 'sysprep-secret', sysprep: { secret: { name: 'unattend' } } },
    { name: 'inline', cloudInitNoCloud: { userData: '#cloud-config' } },
  ]);
  assert.deepEqual(configReferencesOf(vm), [
    { kind: 'ConfigMap', name: 'app' },
    { kind: 'Secret', name: 'tls' },
    { kind: 'Secret', name: 'user-data' },
    { kind: 'Secret', name: 'net' },
    { kind: 'ConfigMap', name: 'unattend' },
    { kind: 'Secret', name: 'unattend' },
  ]);
});

test('a VM without volumes, or with only disks, names nothing', () => {
  assert.deepEqual(configReferencesOf({}), []);
  assert.deepEqual(configReferencesOf(vmWith([{ name: 'root', dataVolume: { name: 'r' } }])), []);
});

test('a copy keeps the content and labels, says where it came from, and drops server metadata', () => {
  const copy = configCopy(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'user-data',
        namespace: 'ocp-source',
        uid: 'u-1',
        resourceVersion: '42',
        creationTimestamp: new Date(0),
        labels: { app: 'web' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'p-1' }],
      },
      type: 'Opaque',
      data: { userdata: 'I2Nsb3VkLWNvbmZpZw==' },
    } as never,
    'ocp-target',
  );
  assert.deepEqual(copy, {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    data: { userdata: 'I2Nsb3VkLWNvbmZpZw==' },
    metadata: {
      name: 'user-data',
      namespace: 'ocp-target',
      labels: { app: 'web' },
      annotations: { [COPY_SOURCE_ANNOTATION]: 'ocp-source/user-data' },
    },
  });
});
