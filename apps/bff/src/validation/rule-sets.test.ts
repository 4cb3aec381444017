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

test('a workload without a string name is refused with Forklift’s error', () => {
  for (const workload of [null, 'web-01', {}, { name: 7 }]) {
    assert.throws(() => validateWorkload('vsphere', workload), {
      name: 'TypeError',
      message: 'No VM name found in input body',
    });
  }
});
