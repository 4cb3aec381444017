// Validating a workload by its provider's type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VALIDATED_PROVIDER_TYPES, validateWorkload } from './rule-sets.ts';
import { OVA_RULES_VERSION } from './ova.ts';
import { VSPHERE_RULES_VERSION } from './vsphere.ts';

test('a vSphere workload is judged by the vSphere rules and their version', () => {
  assert.deepEqual(validateWorkload('vsphere', { name: 'web-01', tpmEnabled: true }), {
    rulesVersion: VSPHERE_RULES_VERSION,
    concerns: [
      {
        id: 'vmware.tpm.detected',
        category: 'Warning',
        label: 'TPM detected',
        assessment: 'The VM has a TPM device. TPM data is not transferred during the migration.',
      },
    ],
  });
});

test('an OVA workload is judged by the OVA rules and their version', () => {
  assert.deepEqual(validateWorkload('ova', { name: 'web-01', exportSource: 'VMware' }), {
    rulesVersion: OVA_RULES_VERSION,
    concerns: [],
  });
});

test('a type without rules has no answer, object built-ins included', () => {
  assert.deepEqual(VALIDATED_PROVIDER_TYPES, ['vsphere', 'ova']);
  for (const type of ['ovirt', 'constructor', 'toString', '__proto__']) {
    assert.equal(validateWorkload(type, { name: 'web-01' }), undefined, type);
  }
});

test('a partial workload is judged by the fields it has, a missing name included', () => {
  for (const providerType of VALIDATED_PROVIDER_TYPES) {
    assert.deepEqual(validateWorkload(providerType, {})?.concerns, [], providerType);
  }
  assert.deepEqual(
    validateWorkload('vsphere', { tpmEnabled: true })?.concerns.map(({ id }) => id),
    ['vmware.tpm.detected'],
  );
  assert.deepEqual(
    validateWorkload('ova', { name: 7, cpuHotAddEnabled: true })?.concerns.map(({ id }) => id),
    ['ova.cpu_memory.hotplug.enabled'],
  );
});
