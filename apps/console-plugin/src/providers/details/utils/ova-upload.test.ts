import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applianceManagementState, ovaFileProblem, uploadPercent } from './ova-upload.ts';

const t = (text: string, options?: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => options?.[key] ?? '');

test('only non-empty .ova files that are not hidden and fit the cap can be sent', () => {
  assert.equal(ovaFileProblem({ name: 'web.OVA', size: 10 }, undefined, t), undefined);
  assert.equal(ovaFileProblem({ name: 'web.ova', size: 1024 }, 1024, t), undefined);
  assert.equal(
    ovaFileProblem({ name: 'web.ova', size: 1025 }, 1024, t),
    'The file is larger than the 1 KiB this console accepts',
  );
  assert.equal(
    ovaFileProblem({ name: 'web.ovf', size: 10 }, undefined, t),
    'The uploaded file name extension should be .ova',
  );
  assert.equal(
    ovaFileProblem({ name: '.web.ova', size: 10 }, undefined, t),
    'The file name must not start with a dot',
  );
  assert.equal(ovaFileProblem({ name: 'web.ova', size: 0 }, undefined, t), 'The file is empty');
});

test('progress is whole percent and reaches 100 only at the last byte', () => {
  assert.equal(uploadPercent(0, 0), 0);
  assert.equal(uploadPercent(1, 3), 33);
  assert.equal(uploadPercent(999_999, 1_000_000), 99);
  assert.equal(uploadPercent(1_000_000, 1_000_000), 100);
});

test('uploads are offered only once the controller confirms appliance management', () => {
  const enabled = [{ type: 'ApplianceManagementEnabled', status: 'True' }];
  assert.equal(applianceManagementState(undefined, enabled), 'not-requested');
  assert.equal(
    applianceManagementState({ applianceManagement: 'false' }, enabled),
    'not-requested',
  );
  assert.equal(applianceManagementState({ applianceManagement: 'true' }, enabled), 'enabled');
  assert.equal(applianceManagementState({ applianceManagement: 'true' }, []), 'off');
});
