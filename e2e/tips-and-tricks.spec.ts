// A newcomer reads up on migration types while moving around the console.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const expectAccessibleDrawer = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).include('#forklift-tips-panel').analyze();
  expect(violations.map(({ id, help }) => `${id}: ${help}`)).toEqual([]);
};

test('the Tips and tricks drawer keeps its topic from page to page until it is closed', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('providers-nav-item').click();
  await expect(page.getByTestId('page-title')).toHaveText('Providers');

  const tipsButton = page.getByTestId('tips-and-tricks-button');
  const drawer = page.getByTestId('tips-drawer');
  await expect(tipsButton).toHaveAttribute('aria-expanded', 'false');
  await tipsButton.click();
  await expect(drawer).toBeVisible();
  await expect(tipsButton).toHaveAttribute('aria-expanded', 'true');
  await expect(drawer.getByTestId(/^tips-topic-card-/)).toHaveCount(7);

  await drawer.getByTestId('tips-topic-card-migration-type').click();
  const topicTitle = drawer.getByTestId('tips-topic-title');
  await expect(topicTitle).toHaveText('Choosing the right migration type');
  await expect(drawer.getByRole('button', { name: 'Cold migration' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Key terms' }).click();
  await expect(drawer.getByText('Changed block tracking (CBT)', { exact: true })).toBeVisible();
  await expectAccessibleDrawer(page);

  await page.getByTestId('plans-nav-item').click();
  await expect(page.getByTestId('page-title')).toHaveText('Migration plans');
  await expect(drawer).toBeVisible();
  await expect(topicTitle).toHaveText('Choosing the right migration type');

  // The OpenShift console mounts every page afresh, as a reload does here.
  await page.reload();
  await expect(page.getByTestId('page-title')).toHaveText('Migration plans');
  await expect(topicTitle).toHaveText('Choosing the right migration type');

  await drawer.getByTestId('tips-back').click();
  await expect(topicTitle).toHaveCount(0);
  await expect(drawer.getByTestId('tips-topic-card-migration-type')).toBeVisible();
  await drawer.getByRole('button', { name: 'Key terminology' }).click();
  await expectAccessibleDrawer(page);

  await drawer.getByRole('button', { name: 'Close tips and tricks' }).click();
  await expect(drawer).toBeHidden();
  await expect(tipsButton).toHaveAttribute('aria-expanded', 'false');
});

test('a topic can also be chosen from the Select a topic list', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('providers-nav-item').click();
  await page.getByTestId('tips-and-tricks-button').click();

  await page.getByTestId('tips-topic-select').click();
  await page.getByRole('option', { name: 'Creating a provider' }).click();
  const drawer = page.getByTestId('tips-drawer');
  await expect(drawer.getByTestId('tips-topic-title')).toHaveText('Creating a provider');

  await drawer.getByLabel('Provider type').selectOption({ label: 'Open Virtual Appliance (OVA)' });
  await expect(drawer.getByText('Enter the NFS share that holds the OVA files')).toBeVisible();
});
