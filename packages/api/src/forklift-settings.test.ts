import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORKLIFT_SETTINGS, settingValueError, settingsPatch } from './forklift-settings.ts';

const setting = (key: string) => FORKLIFT_SETTINGS.find((candidate) => candidate.key === key)!;

test('only the settings that change are patched, guarded by the resourceVersion', () => {
  const spec = { controller_max_vm_inflight: 20, controller_precopy_interval: 30 };
  assert.deepEqual(
    settingsPatch(spec, { controller_max_vm_inflight: 5, controller_precopy_interval: 30 }, '7'),
    [
      { op: 'replace', path: '/metadata/resourceVersion', value: '7' },
      { op: 'replace', path: '/spec/controller_max_vm_inflight', value: 5 },
    ],
  );
  assert.deepEqual(settingsPatch(spec, { controller_precopy_interval: 30 }, '7'), []);
});

test('choosing the default removes the key; setting an unset key adds it', () => {
  const spec = { controller_transfer_network: 'demo/migration-net', feature_ui_plugin: 'true' };
  assert.deepEqual(settingsPatch(spec, { controller_transfer_network: null }, '3').slice(1), [
    { op: 'remove', path: '/spec/controller_transfer_network' },
  ]);
  assert.deepEqual(settingsPatch(spec, { controller_precopy_interval: 60 }, '3'), []);
  assert.deepEqual(settingsPatch(spec, { controller_precopy_interval: 5 }, '3').slice(1), [
    { op: 'add', path: '/spec/controller_precopy_interval', value: 5 },
  ]);
});

test('keys that are not settings are never touched', () => {
  assert.deepEqual(
    settingsPatch({ feature_ui_plugin: 'true' }, { feature_ui_plugin: null }, '1'),
    [],
  );
});

test('a value that cannot be saved says why', () => {
  const inflight = setting('controller_max_vm_inflight');
  assert.equal(settingValueError(inflight, 5), undefined);
  assert.equal(settingValueError(inflight, 0), 'Enter a number of at least 1.');
  assert.equal(settingValueError(inflight, 2.5), 'Enter a whole number.');
  const cpu = setting('controller_container_limits_cpu');
  assert.equal(settingValueError(cpu, '2000m'), undefined);
  assert.equal(settingValueError(cpu, '3'), 'Choose one of 200m, 500m, 2000m, 8000m.');
  const network = setting('controller_transfer_network');
  assert.equal(settingValueError(network, 'demo/migration-net'), undefined);
  assert.match(settingValueError(network, 'Migration Net')!, /namespace\/name/);
});
