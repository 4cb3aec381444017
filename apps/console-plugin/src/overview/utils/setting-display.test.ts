import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORKLIFT_SETTINGS } from '@forklift-console/api';
import { formatSettingValue } from './setting-display.ts';

const setting = (key: string) => FORKLIFT_SETTINGS.find((candidate) => candidate.key === key)!;
const shout = (label: string) => label.toUpperCase();

test('values read with their unit, and feature gates as translated words', () => {
  assert.equal(formatSettingValue(setting('controller_precopy_interval'), 60, shout), '60 min');
  assert.equal(
    formatSettingValue(setting('controller_container_limits_cpu'), '500m', shout),
    '500m',
  );
  const upload = setting('feature_ova_appliance_management');
  assert.equal(formatSettingValue(upload, 'true', shout), 'ENABLED');
  assert.equal(formatSettingValue(upload, 'false', shout), 'DISABLED');
});
