import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overviewTabOf, overviewTabPath } from './overview-tabs.ts';

test('each Overview tab has its own URL and the URL selects the tab', () => {
  assert.equal(overviewTabPath('settings'), '/mtv/overview/settings');
  assert.equal(overviewTabPath('overview'), '/mtv/overview');
  assert.equal(overviewTabOf('/mtv/overview/settings'), 'settings');
  assert.equal(overviewTabOf('/mtv/overview/yaml'), 'yaml');
  assert.equal(overviewTabOf('/mtv/overview'), 'overview');
  assert.equal(overviewTabOf('/mtv/overview/unknown'), 'overview');
});
