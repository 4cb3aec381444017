import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultSettingsValues,
  initialSettingsValues,
  settingsChanges,
  settingsErrors,
} from './settings-form.ts';

const stored = initialSettingsValues({
  controller_max_vm_inflight: 20,
  controller_transfer_network: 'demo/migration-net',
  feature_ui_plugin: 'true',
});

test('the form starts from the stored spec, and unset keys mean the default', () => {
  assert.equal(stored.controller_max_vm_inflight, 20);
  assert.equal(stored.controller_precopy_interval, undefined);
  assert.equal('feature_ui_plugin' in stored, false);
});

test('only what the administrator changed is sent; the default is sent as null', () => {
  assert.deepEqual(settingsChanges(stored, stored), {});
  assert.deepEqual(settingsChanges(stored, { ...stored, controller_max_vm_inflight: 5 }), {
    controller_max_vm_inflight: 5,
  });
  assert.deepEqual(settingsChanges(stored, { ...stored, controller_transfer_network: undefined }), {
    controller_transfer_network: null,
  });
  assert.deepEqual(settingsChanges(stored, { ...stored, controller_precopy_interval: 60 }), {});
});

test('Reset to defaults clears every setting that was set', () => {
  assert.deepEqual(settingsChanges(stored, defaultSettingsValues()), {
    controller_transfer_network: null,
  });
});

test('an invalid change blocks the save and says why', () => {
  assert.deepEqual(settingsErrors(stored, { ...stored, controller_max_vm_inflight: 0 }), {
    controller_max_vm_inflight: 'Enter a number of at least 1.',
  });
  assert.deepEqual(settingsErrors(stored, stored), {});
});
