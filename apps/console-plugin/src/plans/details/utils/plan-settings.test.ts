import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '@forklift-console/api';
import {
  parseKeyValues,
  settingApplies,
  settingPatch,
  settingValue,
  settingValueError,
} from './plan-settings.ts';

const plan = (spec: object = {}): Plan =>
  ({
    spec: {
      targetNamespace: 'target',
      vms: [
        { id: 'vm-1', rootDisk: '/dev/sda' },
        { id: 'vm-2', rootDisk: '/dev/sda', luks: { name: 'keys' } },
      ],
      ...spec,
    },
  }) as unknown as Plan;

describe('plan settings', () => {
  test('vSphere-only settings apply to vSphere plans only; the migration type where there is a choice', () => {
    assert.equal(settingApplies('pvcNameTemplate', 'vsphere'), true);
    assert.equal(settingApplies('pvcNameTemplate', 'openshift'), false);
    assert.equal(settingApplies('preserveClusterCpuModel', 'ovirt'), true);
    assert.equal(settingApplies('type', 'vsphere'), true);
    assert.equal(settingApplies('type', 'ova'), false);
    assert.equal(settingApplies('description', 'ova'), true);
    assert.equal(settingApplies('transferNetwork', 'openshift', 'cold'), true);
    assert.equal(settingApplies('transferNetwork', 'openshift', 'live'), false);
  });

  test('a switch left unset reads as the CRD default', () => {
    assert.deepEqual(settingValue(plan(), 'preserveStaticIPs'), { kind: 'switch', on: true });
    assert.deepEqual(settingValue(plan(), 'xfsCompatibility'), { kind: 'switch', on: false });
    assert.deepEqual(settingPatch(plan(), 'preserveStaticIPs', { kind: 'switch', on: false }), {
      preserveStaticIPs: false,
    });
  });

  test('an emptied text removes the field, the target project cannot be emptied', () => {
    assert.deepEqual(settingPatch(plan(), 'description', { kind: 'text', text: ' ' }), {
      description: null,
    });
    assert.match(
      settingValueError('targetNamespace', { kind: 'text', text: 'Not_valid' }) ?? '',
      /DNS-1123/,
    );
  });

  test('the migration type replaces the deprecated warm flag', () => {
    assert.deepEqual(settingValue(plan({ warm: true }), 'type'), { kind: 'text', text: 'warm' });
    assert.deepEqual(settingPatch(plan(), 'type', { kind: 'text', text: 'cold' }), {
      type: 'cold',
      warm: null,
    });
  });

  test('root device and disk decryption are set on every VM', () => {
    assert.deepEqual(settingValue(plan(), 'rootDisk'), { kind: 'text', text: '/dev/sda' });
    const patch = settingPatch(plan(), 'diskDecryption', {
      kind: 'diskDecryption',
      nbde: true,
      secretName: 'keys',
    });
    assert.deepEqual(patch, {
      vms: [
        { id: 'vm-1', rootDisk: '/dev/sda', nbdeClevis: true },
        { id: 'vm-2', rootDisk: '/dev/sda', nbdeClevis: true },
      ],
    });
    assert.deepEqual(settingPatch(plan(), 'rootDisk', { kind: 'text', text: '' }), {
      vms: [{ id: 'vm-1' }, { id: 'vm-2', luks: { name: 'keys' } }],
    });
  });

  test('VMs with different LUKS secrets read as no shared secret', () => {
    assert.deepEqual(settingValue(plan(), 'diskDecryption'), {
      kind: 'diskDecryption',
      nbde: false,
      secretName: '',
    });
  });

  test('key=value text becomes a map, and a line without = is named', () => {
    assert.deepEqual(parseKeyValues('app=web\n\n tier = front '), {
      map: { app: 'web', tier: 'front' },
    });
    assert.deepEqual(parseKeyValues('app'), { error: '"app" is not of the form key=value' });
    assert.deepEqual(settingPatch(plan(), 'targetLabels', { kind: 'keyValues', text: '' }), {
      targetLabels: null,
    });
  });

  test('the transfer network is a NAD reference, or none', () => {
    assert.deepEqual(
      settingPatch(plan(), 'transferNetwork', { kind: 'transferNetwork', ref: 'target/fast' }),
      { transferNetwork: { namespace: 'target', name: 'fast' } },
    );
    assert.deepEqual(
      settingValue(
        plan({ transferNetwork: { name: 'fast', namespace: 'target' } }),
        'transferNetwork',
      ),
      { kind: 'transferNetwork', ref: 'target/fast' },
    );
  });
});
