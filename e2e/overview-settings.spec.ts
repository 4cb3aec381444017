// An administrator tunes the migration service from the Overview's Settings tab and checks the
// result in the YAML tab.
import { test, expect } from './fixtures.ts';

test('an administrator lowers the concurrent VM migrations to 5 and sees it in the YAML', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('forklift-overview-nav-item').click();
  await page.getByTestId('overview-tab-settings').click();
  await expect(page).toHaveURL(/\/mtv\/overview\/settings$/);
  await expect(page.getByTestId('setting-controller_transfer_network')).toHaveText(
    'Default network',
  );

  await page.getByTestId('edit-settings-button').click();
  const dialog = page.getByRole('dialog');
  const inflight = dialog.getByRole('spinbutton', { name: 'Maximum concurrent VM migrations' });
  await inflight.fill('0');
  await expect(dialog.getByTestId('controller_max_vm_inflight-error')).toContainText(
    'Enter a number of at least 1.',
  );
  await expect(dialog.getByTestId('save-settings')).toBeDisabled();
  await inflight.fill('5');
  await dialog.getByTestId('save-settings').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('setting-controller_max_vm_inflight')).toHaveText('5');

  await page.getByTestId('overview-tab-yaml').click();
  await expect(page.getByTestId('yaml-editor')).toHaveValue(
    /\n {2}controller_max_vm_inflight: 5\n/,
  );
});

test('choosing the default transfer network removes the key from the ForkliftController', async ({
  page,
}) => {
  await page.goto('/mtv/overview/settings');
  await page.getByTestId('edit-settings-button').click();
  const network = page.getByRole('dialog').getByLabel('Controller transfer network');
  await network.selectOption('demo/migration-net');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('setting-controller_transfer_network')).toHaveText(
    'demo/migration-net',
  );
  await page.getByTestId('overview-tab-yaml').click();
  await expect(page.getByTestId('yaml-editor')).toHaveValue(
    /controller_transfer_network: demo\/migration-net/,
  );

  await page.getByTestId('overview-tab-settings').click();
  await page.getByTestId('edit-settings-button').click();
  await page.getByRole('dialog').getByLabel('Controller transfer network').selectOption({
    label: 'Default network',
  });
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('setting-controller_transfer_network')).toHaveText(
    'Default network',
  );
  await page.getByTestId('overview-tab-yaml').click();
  await expect(page.getByTestId('yaml-editor')).not.toHaveValue(/controller_transfer_network/);
});

test('the YAML tab shows the API server verdict when a value has the wrong type', async ({
  page,
}) => {
  await page.goto('/mtv/overview/yaml');
  const editor = page.getByTestId('yaml-editor');
  await expect(editor).toHaveValue(/kind: ForkliftController/);
  const yaml = await editor.inputValue();
  await editor.fill(
    yaml.replace(/controller_precopy_interval: \d+/, 'controller_precopy_interval: soon'),
  );
  await page.getByTestId('yaml-save').click();
  await expect(page.getByTestId('yaml-save-error')).toContainText(
    'spec.controller_precopy_interval',
  );
});
